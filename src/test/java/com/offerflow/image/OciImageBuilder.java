package com.offerflow.image;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.Deflater;

/**
 * Builds OCI images in Java, without a container engine: for tests, for the app's sample image and for the
 * benchmark. Output is deterministic (fixed timestamps, owners and gzip header), so the same builder calls always
 * give the same digests.
 *
 * <pre>{@code
 * OciImageBuilder.image()
 *     .user("1000:1000")
 *     .label("name", "hello")
 *     .layer(l -> l.dir("app/").file("app/hello.sh", "echo hi\n", 0755))
 *     .tag("1.0")
 *     .writeArchive(Path.of("hello.tar"));
 * }</pre>
 *
 * Entry names are written exactly as given (no normalisation), so tests can also build hostile layers.
 */
public final class OciImageBuilder {

    /** The timestamp of every entry and of the config: 2024-01-01T00:00:00Z. */
    public static final Instant FIXED_TIME = Instant.parse("2024-01-01T00:00:00Z");

    private Platform platform = Platform.LINUX_AMD64;
    private String user;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final List<String> env = new ArrayList<>(List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
    private List<String> entrypoint;
    private List<String> cmd;
    private String workingDir;
    private final Map<String, String> annotations = new LinkedHashMap<>();
    private final List<Layer> layers = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private final List<OciImageBuilder> otherPlatforms = new ArrayList<>();
    private boolean gzip = true;
    private boolean zstd;
    private int gzipLevel = Deflater.DEFAULT_COMPRESSION;

    private OciImageBuilder() {
    }

    /** A linux/amd64 image with gzip layers and no layers yet. */
    public static OciImageBuilder image() {
        return new OciImageBuilder();
    }

    public OciImageBuilder platform(String os, String architecture) {
        return platform(Platform.of(os, architecture));
    }

    public OciImageBuilder platform(Platform value) {
        this.platform = value;
        return this;
    }

    /** {@code config.User}: {@code uid}, {@code uid:gid}, {@code name} or {@code name:group}; null for none. */
    public OciImageBuilder user(String value) {
        this.user = value;
        return this;
    }

    public OciImageBuilder label(String key, String value) {
        labels.put(key, value);
        return this;
    }

    public OciImageBuilder labels(Map<String, String> values) {
        labels.putAll(values);
        return this;
    }

    public OciImageBuilder env(String keyEqualsValue) {
        env.add(keyEqualsValue);
        return this;
    }

    public OciImageBuilder entrypoint(String... args) {
        this.entrypoint = List.of(args);
        return this;
    }

    public OciImageBuilder cmd(String... args) {
        this.cmd = List.of(args);
        return this;
    }

    public OciImageBuilder workingDir(String dir) {
        this.workingDir = dir;
        return this;
    }

    /** An annotation on the image manifest. */
    public OciImageBuilder annotation(String key, String value) {
        annotations.put(key, value);
        return this;
    }

    /** Adds a layer and lets the caller fill it. */
    public OciImageBuilder layer(Consumer<Layer> content) {
        Layer layer = new Layer();
        content.accept(layer);
        layers.add(layer);
        return this;
    }

    public OciImageBuilder layer(Layer layer) {
        layers.add(layer);
        return this;
    }

    /** Layers as plain tar ({@code application/vnd.oci.image.layer.v1.tar}). */
    public OciImageBuilder uncompressed() {
        this.gzip = false;
        this.zstd = false;
        return this;
    }

    /** Gzip layers with the given level (1 fastest .. 9 smallest); the default is gzip at level 6. */
    public OciImageBuilder gzip(int level) {
        this.gzip = true;
        this.zstd = false;
        this.gzipLevel = level;
        return this;
    }

    /** A tag: the {@code org.opencontainers.image.ref.name} annotation in index.json. */
    /** Zstd layers (level 3, with checksums), as {@code skopeo copy --dest-compress-format zstd} writes them. */
    public OciImageBuilder zstd() {
        this.gzip = false;
        this.zstd = true;
        return this;
    }

    public OciImageBuilder tag(String tag) {
        tags.add(tag);
        return this;
    }

    /** Adds the image of another platform: the result becomes a multi-platform image index. */
    public OciImageBuilder addPlatform(OciImageBuilder other) {
        otherPlatforms.add(other);
        return this;
    }

    /**
     * Writes the image into an OCI layout directory (created if needed) and lists it in index.json under each tag
     * (untagged when there is none). Returns the descriptor of the manifest, or of the image index when the image
     * has several platforms.
     */
    public Descriptor writeLayout(Path dir) throws IOException {
        OciLayout layout = OciLayout.create(dir);
        Descriptor top;
        if (otherPlatforms.isEmpty()) {
            top = writeManifest(layout);
        } else {
            List<Descriptor> manifests = new ArrayList<>();
            manifests.add(writeManifest(layout).withPlatform(platform));
            for (OciImageBuilder other : otherPlatforms) {
                manifests.add(other.writeManifest(layout).withPlatform(other.platform));
            }
            top = layout.putBlob(MediaTypes.OCI_INDEX, ImageJson.write(ImageIndex.of(manifests)));
        }
        if (tags.isEmpty()) {
            layout.putManifest(top, null);
        } else {
            for (String tag : tags) {
                layout.putManifest(top, tag);
            }
        }
        return top;
    }

    /** Writes the image as an oci-archive (a plain tar of the layout) to the stream, which stays open. */
    public Descriptor writeArchive(OutputStream out) throws IOException {
        Path tmp = Files.createTempDirectory("oci-image-builder-");
        try {
            Descriptor top = writeLayout(tmp);
            OciArchiveWriter.write(tmp, out);
            return top;
        } finally {
            deleteRecursively(tmp);
        }
    }

    /** Writes the image as an oci-archive file. */
    public Descriptor writeArchive(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            return writeArchive(out);
        }
    }

    /** The oci-archive as bytes; for small test images. */
    public byte[] toArchiveBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeArchive(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Descriptor writeManifest(OciLayout layout) throws IOException {
        List<Descriptor> layerDescriptors = new ArrayList<>();
        List<Digest> diffIds = new ArrayList<>();
        List<ImageConfig.History> history = new ArrayList<>();
        for (Layer layer : layers) {
            LayerBlob blob = writeLayer(layer, layout);
            layerDescriptors.add(blob.descriptor);
            diffIds.add(blob.diffId);
            history.add(new ImageConfig.History(FIXED_TIME.toString(), layer.createdBy, null, null, false));
        }
        ImageConfig config = new ImageConfig(FIXED_TIME.toString(), null, platform.architecture(), platform.os(),
                platform.variant(),
                new ImageConfig.Config(user, env, entrypoint, cmd, workingDir, labels, null, null),
                new ImageConfig.RootFs("layers", diffIds), history);
        Descriptor configDescriptor = layout.putBlob(MediaTypes.OCI_CONFIG, ImageJson.write(config));
        ImageManifest manifest = new ImageManifest(2, MediaTypes.OCI_MANIFEST, configDescriptor, layerDescriptors,
                annotations);
        return layout.putBlob(MediaTypes.OCI_MANIFEST, ImageJson.write(manifest));
    }

    private record LayerBlob(Descriptor descriptor, Digest diffId) {
    }

    private LayerBlob writeLayer(Layer layer, OciLayout layout) throws IOException {
        Path tmp = Files.createTempFile(layout.blobPath(Digest.of(new byte[0])).getParent(), ".layer-", ".tmp");
        try {
            MessageDigest compressed = Digest.sha256();
            MessageDigest uncompressed = Digest.sha256();
            CountingOutputStream counter;
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                counter = new CountingOutputStream(new DigestOutputStream(file, compressed));
                OutputStream sink = counter;
                OutputStream compressor = null;
                if (zstd) {
                    compressor = new com.github.luben.zstd.ZstdOutputStreamNoFinalizer(
                            new OciArchiveWriter.UnclosableOutputStream(counter), 3).setChecksum(true);
                    sink = compressor;
                } else if (gzip) {
                    GzipParameters params = new GzipParameters();
                    params.setCompressionLevel(gzipLevel);
                    params.setModificationTime(0);
                    params.setOperatingSystem(255);
                    params.setBufferSize(64 * 1024);
                    compressor = new GzipCompressorOutputStream(new OciArchiveWriter.UnclosableOutputStream(counter), params);
                    sink = compressor;
                }
                DigestOutputStream tarSink = new DigestOutputStream(new OciArchiveWriter.UnclosableOutputStream(sink),
                        uncompressed);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(tarSink);
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                tar.setAddPaxHeadersForNonAsciiNames(true);
                for (Entry e : layer.entries) {
                    e.write(tar);
                }
                tar.finish();
                tar.flush();
                tarSink.flush();
                if (compressor != null) {
                    // close() finishes the gzip member or zstd frame; after an explicit finish() commons-compress
                    // 1.28 writes a second, headerless gzip trailer, which container runtimes reject
                    compressor.close();
                }
                counter.flush();
            }
            Digest digest = Digest.fromBytes(compressed.digest());
            Descriptor descriptor = Descriptor.of(zstd ? MediaTypes.OCI_LAYER_ZSTD
                            : gzip ? MediaTypes.OCI_LAYER_GZIP : MediaTypes.OCI_LAYER, digest,
                    counter.count);
            layout.moveIn(tmp, digest);
            return new LayerBlob(descriptor, Digest.fromBytes(uncompressed.digest()));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Supplies the content of a large generated file; called once when the layer is written. */
    @FunctionalInterface
    public interface ContentSupplier {
        InputStream open() throws IOException;
    }

    /** The entries of one layer, written in the order added. */
    public static final class Layer {
        private final List<Entry> entries = new ArrayList<>();
        private String createdBy = "OciImageBuilder";

        public Layer createdBy(String text) {
            this.createdBy = text;
            return this;
        }

        /** A directory; a trailing slash is added when missing. */
        public Layer dir(String path) {
            return dir(path, 0755);
        }

        public Layer dir(String path, int mode) {
            String name = path.endsWith("/") ? path : path + "/";
            entries.add(new Entry(name, TarConstants.LF_DIR, mode, null, 0, null, 0, 0));
            return this;
        }

        public Layer file(String path, String content) {
            return file(path, content.getBytes(StandardCharsets.UTF_8), 0644);
        }

        public Layer file(String path, String content, int mode) {
            return file(path, content.getBytes(StandardCharsets.UTF_8), mode);
        }

        public Layer file(String path, byte[] content) {
            return file(path, content, 0644);
        }

        public Layer file(String path, byte[] content, int mode) {
            byte[] copy = content.clone();
            entries.add(new Entry(path, TarConstants.LF_NORMAL, mode, null, copy.length,
                    () -> new ByteArrayInputStream(copy), 0, 0));
            return this;
        }

        /** A file owned by uid/gid. */
        public Layer file(String path, byte[] content, int mode, int uid, int gid) {
            byte[] copy = content.clone();
            entries.add(new Entry(path, TarConstants.LF_NORMAL, mode, null, copy.length,
                    () -> new ByteArrayInputStream(copy), uid, gid));
            return this;
        }

        /** A large file whose content is generated while the layer is written (exactly {@code size} bytes). */
        public Layer file(String path, long size, ContentSupplier content) {
            entries.add(new Entry(path, TarConstants.LF_NORMAL, 0644, null, size, content, 0, 0));
            return this;
        }

        public Layer symlink(String path, String target) {
            entries.add(new Entry(path, TarConstants.LF_SYMLINK, 0777, target, 0, null, 0, 0));
            return this;
        }

        public Layer hardlink(String path, String target) {
            entries.add(new Entry(path, TarConstants.LF_LINK, 0644, target, 0, null, 0, 0));
            return this;
        }

        /** A character device node (containers normally have none). */
        public Layer charDevice(String path) {
            entries.add(new Entry(path, TarConstants.LF_CHR, 0666, null, 0, null, 0, 0));
            return this;
        }

        /** Deletes {@code path} of lower layers: an empty {@code .wh.<name>} file beside it. */
        public Layer whiteout(String path) {
            String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            int slash = p.lastIndexOf('/');
            String name = slash < 0 ? ".wh." + p : p.substring(0, slash + 1) + ".wh." + p.substring(slash + 1);
            return file(name, new byte[0]);
        }

        /** Hides everything lower layers put in {@code dir}: the opaque whiteout {@code dir/.wh..wh..opq}. */
        public Layer opaque(String dir) {
            String d = dir.endsWith("/") ? dir : dir + "/";
            return file(d + ".wh..wh..opq", new byte[0]);
        }
    }

    private record Entry(String name, byte type, int mode, String link, long size, ContentSupplier content,
                         int uid, int gid) {

        void write(TarArchiveOutputStream tar) throws IOException {
            TarArchiveEntry e = new TarArchiveEntry(name, type, true);
            e.setMode(mode);
            e.setModTime(FIXED_TIME.toEpochMilli());
            e.setUserId(uid);
            e.setGroupId(gid);
            if (link != null) {
                e.setLinkName(link);
            }
            if (type == TarConstants.LF_NORMAL) {
                e.setSize(size);
            }
            tar.putArchiveEntry(e);
            if (content != null) {
                long written = 0;
                try (InputStream in = content.open()) {
                    byte[] buf = new byte[64 * 1024];
                    int n;
                    while (written < size && (n = in.read(buf, 0, (int) Math.min(buf.length, size - written))) > 0) {
                        tar.write(buf, 0, n);
                        written += n;
                    }
                }
                if (written != size) {
                    throw new IOException("content of " + name + " had " + written + " bytes, not " + size);
                }
            }
            tar.closeArchiveEntry();
        }
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}

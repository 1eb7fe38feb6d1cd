package com.offerflow.image;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An {@code oci-archive}: a plain (uncompressed) tar of an OCI image layout, as {@code skopeo copy ...
 * oci-archive:FILE} writes it. Only tar headers are read when opening; blobs are read on demand with positional
 * reads. Nothing is ever extracted to disk, so entry names cannot escape anywhere.
 */
public final class OciArchive implements ImageSource {

    private static final Logger log = LoggerFactory.getLogger(OciArchive.class);
    private static final long MAX_SMALL_FILE = 64 * 1024;
    private static final long MAX_META_ENTRY = 1024 * 1024;

    private final Path file;
    private final FileChannel channel;
    private final Map<String, TarArchiveEntry> entries;
    private final ImageLimits limits;
    private final ImageIndex index;

    private OciArchive(Path file, FileChannel channel, Map<String, TarArchiveEntry> entries, ImageLimits limits,
                       ImageIndex index) {
        this.file = file;
        this.channel = channel;
        this.entries = entries;
        this.limits = limits;
        this.index = index;
    }

    /**
     * Opens an oci-archive and checks its structure: a tar, with an {@code oci-layout} file of version 1.0.0, an
     * {@code index.json} that parses and lists at least one manifest whose blob is present.
     *
     * @throws InvalidImageException with code {@code too-large}, {@code not-a-tar}, {@code too-many-entries},
     *                               {@code not-an-oci-layout}, {@code unsupported-layout-version},
     *                               {@code invalid-index}, {@code no-manifest} or {@code missing-blob}
     * @throws IOException           when the file cannot be read (it vanished, a disk error)
     */
    public static OciArchive open(Path tarFile, ImageLimits limits) throws IOException, InvalidImageException {
        long size = Files.size(tarFile);
        if (size > limits.maxArchiveBytes()) {
            throw new InvalidImageException("too-large", "the archive is " + size + " bytes, more than the limit of "
                    + limits.maxArchiveBytes() + " bytes");
        }
        FileChannel channel = FileChannel.open(tarFile, StandardOpenOption.READ);
        try {
            Map<String, TarArchiveEntry> entries = readEntries(tarFile, channel, size, limits);
            OciArchive archive = new OciArchive(tarFile, channel, entries, limits, null);
            ImageIndex index = archive.checkLayout();
            return new OciArchive(tarFile, channel, entries, limits, index);
        } catch (IOException | InvalidImageException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static Map<String, TarArchiveEntry> readEntries(Path tarFile, FileChannel channel, long size,
                                                            ImageLimits limits)
            throws IOException, InvalidImageException {
        byte[] head = new byte[512];
        int headLength = channel.read(ByteBuffer.wrap(head), 0);
        if (headLength >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            throw new InvalidImageException("not-a-tar", "the file is gzip-compressed; upload the plain tar that "
                    + "'skopeo copy docker://IMAGE oci-archive:FILE.tar' writes");
        }
        precheckHeaders(channel, size, limits);
        List<TarArchiveEntry> list;
        try (TarFile tar = new TarFile(new UnclosableChannel(channel))) {
            list = tar.getEntries();
        } catch (IOException | RuntimeException e) {
            if (e instanceof NoSuchFileException) {
                throw (IOException) e;
            }
            throw new InvalidImageException("not-a-tar", "the file is not a valid tar archive or it is truncated ("
                    + e.getMessage() + ")", e);
        }
        Map<String, TarArchiveEntry> entries = new HashMap<>();
        for (TarArchiveEntry entry : list) {
            String name = normalize(entry.getName());
            if (name != null && entry.isFile() && !entry.isSparse()) {
                entries.put(name, entry); // a later entry of the same name wins, as when a tar is extracted
            }
        }
        log.debug("{}: {} tar entries", tarFile, list.size());
        return entries;
    }

    /**
     * Walks the 512-byte headers without trusting anything: counts entries against the limit and refuses huge
     * long-name and pax entries before commons-compress would read them into memory.
     */
    private static void precheckHeaders(FileChannel channel, long size, ImageLimits limits)
            throws IOException, InvalidImageException {
        ByteBuffer header = ByteBuffer.allocate(512);
        long position = 0;
        int count = 0;
        while (position + 512 <= size) {
            header.clear();
            while (header.hasRemaining()) {
                if (channel.read(header, position + header.position()) < 0) {
                    break;
                }
            }
            byte[] h = header.array();
            if (isZeroBlock(h)) {
                return;
            }
            if (!checksumMatches(h)) {
                throw new InvalidImageException("not-a-tar", count == 0
                        ? "the file is not a tar archive"
                        : "the tar archive is corrupt: header " + (count + 1) + " has a wrong checksum");
            }
            long entrySize = parseSize(h);
            if (entrySize < 0) {
                throw new InvalidImageException("not-a-tar", "the tar archive is corrupt: entry " + (count + 1)
                        + " has an invalid size");
            }
            char type = (char) h[156];
            if ((type == 'L' || type == 'K' || type == 'x' || type == 'g') && entrySize > MAX_META_ENTRY) {
                throw new InvalidImageException("not-a-tar", "the tar archive has a long-name or pax header of "
                        + entrySize + " bytes; an image archive never needs one that large");
            }
            if (++count > limits.maxArchiveEntries()) {
                throw new InvalidImageException("too-many-entries", "the archive has more than "
                        + limits.maxArchiveEntries() + " entries; an OCI image archive has one per blob");
            }
            position += 512 + (entrySize + 511) / 512 * 512;
        }
        if (count == 0) {
            throw new InvalidImageException("not-a-tar", "the file is not a tar archive");
        }
    }

    private static boolean isZeroBlock(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean checksumMatches(byte[] h) {
        long stored = 0;
        boolean digits = false;
        for (int i = 148; i < 156; i++) {
            byte b = h[i];
            if (b >= '0' && b <= '7') {
                stored = stored * 8 + (b - '0');
                digits = true;
            } else if (digits) {
                break;
            } else if (b != ' ' && b != 0) {
                return false;
            }
        }
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < 512; i++) {
            boolean inField = i >= 148 && i < 156;
            unsigned += inField ? ' ' : h[i] & 0xff;
            signed += inField ? ' ' : h[i];
        }
        return digits && (stored == unsigned || stored == signed);
    }

    /** The size field: octal, or GNU base-256 when the high bit is set; -1 when invalid. */
    private static long parseSize(byte[] h) {
        if ((h[124] & 0x80) != 0) {
            long v = 0;
            for (int i = 125; i < 136; i++) {
                if (v > (Long.MAX_VALUE >> 8)) {
                    return -1;
                }
                v = (v << 8) | (h[i] & 0xff);
            }
            return h[124] == (byte) 0x80 && (h[125] & 0x80) == 0 ? v : -1;
        }
        long v = 0;
        boolean digits = false;
        for (int i = 124; i < 136; i++) {
            byte b = h[i];
            if (b == 0 || b == ' ') {
                if (digits) {
                    break;
                }
                continue;
            }
            if (b < '0' || b > '7') {
                return -1;
            }
            v = v * 8 + (b - '0');
            digits = true;
        }
        return v;
    }

    private ImageIndex checkLayout() throws IOException, InvalidImageException {
        if (!entries.containsKey("oci-layout")) {
            if (entries.containsKey("manifest.json")) {
                throw new InvalidImageException("not-an-oci-layout", "the archive looks like 'docker save' output "
                        + "(docker-archive), not an OCI image layout; convert it with "
                        + "'skopeo copy docker-archive:IN.tar oci-archive:OUT.tar'");
            }
            throw new InvalidImageException("not-an-oci-layout", "the archive has no 'oci-layout' file: it is not "
                    + "an OCI image layout; create one with 'skopeo copy docker://IMAGE oci-archive:FILE.tar'");
        }
        byte[] layoutBytes = readEntry("oci-layout", MAX_SMALL_FILE, "not-an-oci-layout");
        ImageJson json = new ImageJson(limits);
        JsonNode layout = json.tree(layoutBytes, MAX_SMALL_FILE, "not-an-oci-layout", "the 'oci-layout' file");
        JsonNode version = layout.get("imageLayoutVersion");
        if (version == null || !version.isTextual()) {
            throw new InvalidImageException("not-an-oci-layout", "the 'oci-layout' file has no imageLayoutVersion");
        }
        if (!"1.0.0".equals(version.asText())) {
            throw new InvalidImageException("unsupported-layout-version", "the OCI layout version is '"
                    + truncate(version.asText()) + "'; only version 1.0.0 is supported");
        }
        if (!entries.containsKey("index.json")) {
            throw new InvalidImageException("invalid-index", "the archive has no 'index.json'");
        }
        ImageIndex parsed = json.index(readEntry("index.json", limits.maxManifestBytes(), "invalid-index"),
                "the archive's index.json");
        if (parsed.manifests().isEmpty()) {
            throw new InvalidImageException("no-manifest", "the archive's index.json lists no image manifest");
        }
        for (Descriptor d : parsed.manifests()) {
            if (!entries.containsKey(blobName(d.digest()))) {
                throw new InvalidImageException("missing-blob", "index.json lists " + d.digest()
                        + " but the archive has no blob " + blobName(d.digest()));
            }
        }
        return parsed;
    }

    private byte[] readEntry(String name, long maxBytes, String code) throws IOException, InvalidImageException {
        TarArchiveEntry entry = entries.get(name);
        if (entry.getSize() > maxBytes) {
            throw ImageJson.tooLarge(code, "'" + name + "'", entry.getSize(), maxBytes);
        }
        try (InputStream in = new RangeInputStream(channel, entry.getDataOffset(), entry.getSize())) {
            return in.readAllBytes();
        }
    }

    static String blobName(Digest digest) {
        return "blobs/sha256/" + digest.hex();
    }

    /** Strips {@code ./} prefixes; names that are absolute or contain {@code ..} are ignored (null). */
    static String normalize(String name) {
        String n = name;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        if (n.startsWith("/") || n.contains("..") || n.isEmpty()) {
            return null;
        }
        return n;
    }

    @Override
    public ImageIndex index() {
        return index;
    }

    @Override
    public InputStream openBlob(Descriptor descriptor) throws IOException, InvalidImageException {
        TarArchiveEntry entry = entries.get(blobName(descriptor.digest()));
        if (entry == null) {
            throw new InvalidImageException("missing-blob", "the archive has no blob " + descriptor.digest());
        }
        if (!channel.isOpen()) {
            throw new IOException("the archive " + file + " is closed");
        }
        return new RangeInputStream(channel, entry.getDataOffset(), entry.getSize());
    }

    /** Whether the archive holds the blob. */
    public boolean hasBlob(Digest digest) {
        return entries.containsKey(blobName(digest));
    }

    /** Size of the blob as stored in the archive, or -1 when absent. */
    public long blobSize(Digest digest) {
        TarArchiveEntry e = entries.get(blobName(digest));
        return e == null ? -1 : e.getSize();
    }

    @Override
    public String reference() {
        return "oci-archive:" + file;
    }

    @Override
    public ImageLimits limits() {
        return limits;
    }

    @Override
    public List<String> tags() {
        return index.refNames();
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static String truncate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** Lets commons-compress close its view without closing the channel we keep for blob reads. */
    private static final class UnclosableChannel implements SeekableByteChannel {
        private final FileChannel delegate;

        UnclosableChannel(FileChannel delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return delegate.read(dst);
        }

        @Override
        public int write(ByteBuffer src) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public long position() throws IOException {
            return delegate.position();
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            delegate.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return delegate.size();
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public boolean isOpen() {
            return delegate.isOpen();
        }

        @Override
        public void close() {
            // the archive keeps the channel open for blob reads
        }
    }
}

package com.offerflow.image;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An OCI image layout directory that Offerflow writes (the packaging staging store, a region's copy). Blobs are
 * verified (digest and size) while written to a temporary file in the same directory and then moved into place
 * atomically, so a blob file that exists is always complete and correct; index.json is replaced atomically too.
 *
 * <p>Safe for concurrent use by threads of one process; several processes writing the same layout may lose each
 * other's index.json updates (blobs stay correct).
 */
public final class OciLayout implements ImageSource {

    private static final Logger log = LoggerFactory.getLogger(OciLayout.class);
    private static final byte[] OCI_LAYOUT = "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);

    private final Path dir;
    private final ImageLimits limits;
    private final Path shared;
    private final Object indexLock = new Object();

    private OciLayout(Path dir, ImageLimits limits, Path shared) {
        this.dir = dir;
        this.limits = limits;
        this.shared = shared;
    }

    /** Creates the layout (directories, {@code oci-layout}, an empty index.json) or opens it if it exists. */
    public static OciLayout create(Path dir) throws IOException {
        return create(dir, ImageLimits.defaults());
    }

    public static OciLayout create(Path dir, ImageLimits limits) throws IOException {
        return create(dir, limits, null);
    }

    /**
     * Creates or opens a layout whose blobs are hard links into a content-addressed store shared by several layouts
     * ({@code shared/sha256/<hex>}, one file per digest): a blob the store holds is linked, not written again, and
     * every blob written here is linked into the store. Where the file system cannot link, blobs are copied.
     */
    public static OciLayout create(Path dir, ImageLimits limits, Path shared) throws IOException {
        Files.createDirectories(dir.resolve("blobs").resolve("sha256"));
        if (shared != null) {
            Files.createDirectories(shared.resolve("sha256"));
        }
        OciLayout layout = new OciLayout(dir, limits, shared);
        if (!Files.exists(dir.resolve("oci-layout"))) {
            layout.writeAtomically(dir.resolve("oci-layout"), OCI_LAYOUT);
        }
        if (!Files.exists(dir.resolve("index.json"))) {
            layout.writeAtomically(dir.resolve("index.json"), ImageJson.write(ImageIndex.of(List.of())));
        }
        return layout;
    }

    /** Opens an existing layout; {@link NoSuchFileException} when the directory has no {@code oci-layout}. */
    public static OciLayout open(Path dir, ImageLimits limits) throws IOException {
        if (!Files.isRegularFile(dir.resolve("oci-layout"))) {
            throw new NoSuchFileException(dir.toString(), null, "not an OCI image layout (no oci-layout file)");
        }
        return new OciLayout(dir, limits, null);
    }

    public Path dir() {
        return dir;
    }

    public Path blobPath(Digest digest) {
        return dir.resolve("blobs").resolve("sha256").resolve(digest.hex());
    }

    public boolean hasBlob(Digest digest) {
        return Files.isRegularFile(blobPath(digest));
    }

    /**
     * Stores a blob. When it is already present, the stream is not read. Otherwise the bytes are written to a
     * temporary file beside the target, checked against the descriptor's size and digest, flushed to disk and
     * moved into {@code blobs/sha256/<hex>} atomically.
     *
     * @throws DigestMismatchException when the bytes do not match the descriptor (nothing is stored)
     */
    public void putBlob(Descriptor descriptor, InputStream content) throws IOException {
        Path target = blobPath(descriptor.digest());
        if (Files.exists(target) || linkShared(descriptor.digest())) {
            return;
        }
        Path tmp = Files.createTempFile(target.getParent(), ".partial-", ".tmp");
        try {
            MessageDigest md = Digest.sha256();
            long total = 0;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = content.read(buf)) > 0) {
                    total += n;
                    if (total > descriptor.size()) {
                        throw new DigestMismatchException(descriptor, "blob " + descriptor.digest()
                                + " is longer than the " + descriptor.size() + " bytes its descriptor states");
                    }
                    md.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
                out.flush();
                ch.force(true);
            }
            if (total != descriptor.size()) {
                throw new DigestMismatchException(descriptor, "blob " + descriptor.digest() + " has " + total
                        + " bytes but its descriptor states " + descriptor.size() + " (truncated?)");
            }
            Digest actual = Digest.fromBytes(md.digest());
            if (!actual.equals(descriptor.digest())) {
                throw new DigestMismatchException(descriptor, "blob content has digest " + actual
                        + " but its descriptor states " + descriptor.digest());
            }
            moveIntoPlace(tmp, target);
            share(descriptor.digest());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Links the blob from the shared store into this layout, if the store has it (the bytes were verified when they
     * entered the store). Returns whether the layout has the blob now.
     */
    public boolean linkShared(Digest digest) throws IOException {
        if (shared == null) {
            return false;
        }
        Path source = shared.resolve("sha256").resolve(digest.hex());
        Path target = blobPath(digest);
        if (!Files.isRegularFile(source)) {
            return false;
        }
        try {
            Files.createLink(target, source);
        } catch (FileAlreadyExistsException e) {
            // another writer linked or wrote it: the same verified bytes
        } catch (UnsupportedOperationException | IOException e) {
            if (Files.exists(target)) {
                return true;
            }
            Path tmp = Files.createTempFile(target.getParent(), ".partial-", ".tmp");
            try {
                Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
                moveIntoPlace(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return true;
    }

    /** Links a blob of this layout into the shared store, so that other layouts link it instead of writing it. */
    private void share(Digest digest) throws IOException {
        if (shared == null) {
            return;
        }
        try {
            Files.createLink(shared.resolve("sha256").resolve(digest.hex()), blobPath(digest));
        } catch (FileAlreadyExistsException e) {
            // the store has it already
        } catch (UnsupportedOperationException | IOException e) {
            log.debug("{} cannot be linked into the shared store {}: {}", digest, shared, e.toString());
        }
    }

    /** Stores bytes as a blob and returns their descriptor. */
    public Descriptor putBlob(String mediaType, byte[] content) throws IOException {
        Descriptor d = Descriptor.of(mediaType, content);
        putBlob(d, new java.io.ByteArrayInputStream(content));
        return d;
    }

    /**
     * Lists a manifest (or image index) in index.json under a tag, replacing an earlier entry of the same tag
     * (or, without a tag, an untagged entry of the same digest). The manifest blob must already be stored.
     */
    public void putManifest(Descriptor manifest, String refName) throws IOException {
        if (!hasBlob(manifest.digest())) {
            throw new IllegalStateException("store the manifest blob " + manifest.digest()
                    + " before listing it in index.json");
        }
        Descriptor entry = manifest.withAnnotation(Descriptor.REF_NAME, refName);
        synchronized (indexLock) {
            ImageIndex current = readIndex();
            List<Descriptor> manifests = new ArrayList<>();
            for (Descriptor d : current.manifests()) {
                boolean replaced = refName != null
                        ? refName.equals(d.refName())
                        : d.refName() == null && d.digest().equals(manifest.digest());
                if (!replaced) {
                    manifests.add(d);
                }
            }
            manifests.add(entry);
            writeAtomically(dir.resolve("index.json"), ImageJson.write(
                    new ImageIndex(2, MediaTypes.OCI_INDEX, manifests, current.annotations())));
        }
        log.debug("{}: listed {} as {}", dir, manifest.digest(), refName);
    }

    /** Removes a tag from index.json (blobs stay). Returns whether it was there. */
    public boolean removeManifest(String refName) throws IOException {
        synchronized (indexLock) {
            ImageIndex current = readIndex();
            List<Descriptor> kept = current.manifests().stream()
                    .filter(d -> !Objects.equals(refName, d.refName())).toList();
            if (kept.size() == current.manifests().size()) {
                return false;
            }
            writeAtomically(dir.resolve("index.json"), ImageJson.write(
                    new ImageIndex(2, MediaTypes.OCI_INDEX, kept, current.annotations())));
            return true;
        }
    }

    @Override
    public ImageIndex index() throws IOException, InvalidImageException {
        synchronized (indexLock) {
            return readIndex(new ImageJson(limits));
        }
    }

    private ImageIndex readIndex() throws IOException {
        try {
            return readIndex(new ImageJson(limits));
        } catch (InvalidImageException e) {
            throw new IOException(dir + "/index.json is corrupt: " + e.getMessage(), e);
        }
    }

    private ImageIndex readIndex(ImageJson json) throws IOException, InvalidImageException {
        Path file = dir.resolve("index.json");
        long size = Files.size(file);
        if (size > limits.maxManifestBytes()) {
            throw ImageJson.tooLarge("invalid-index", "index.json", size, limits.maxManifestBytes());
        }
        return json.index(Files.readAllBytes(file), "index.json of " + dir);
    }

    @Override
    public InputStream openBlob(Descriptor descriptor) throws IOException, InvalidImageException {
        try {
            return Files.newInputStream(blobPath(descriptor.digest()));
        } catch (NoSuchFileException e) {
            throw new InvalidImageException("missing-blob", "the layout " + dir + " has no blob "
                    + descriptor.digest());
        }
    }

    @Override
    public String reference() {
        return "oci:" + dir;
    }

    @Override
    public ImageLimits limits() {
        return limits;
    }

    @Override
    public void close() {
        // nothing held open
    }

    /** Moves a file whose digest the caller computed while writing it (the builder's layers) into place. */
    void moveIn(Path tmp, Digest digest) throws IOException {
        Path target = blobPath(digest);
        if (Files.exists(target)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        moveIntoPlace(tmp, target);
        share(digest);
    }

    private void writeAtomically(Path target, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + "-", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(content));
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            // rename(2) replaces atomically; a concurrent writer of the same blob wrote the same verified bytes
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // another writer won: its blob has the same digest, keep it
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + target.getParent() + " cannot rename atomically", e);
        }
    }
}

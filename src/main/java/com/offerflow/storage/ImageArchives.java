package com.offerflow.storage;

import com.offerflow.image.Digest;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The uploaded {@code oci-archive}s, stored as uploaded, content-addressed by their sha256 under
 * {@code <data-dir>/images/sha256/<hex>.tar}: the same archive is stored once, and a publication's snapshot names its
 * archive by digest. Certification reads them; nothing is ever extracted to disk.
 */
@Component
public class ImageArchives {

    private final DataDirectory data;

    ImageArchives(DataDirectory data) {
        this.data = data;
    }

    /**
     * Streams an upload into a temporary file, at most {@code maxSize} bytes.
     *
     * @throws UploadTooLargeException when the body is larger; the partial file is deleted
     */
    public Upload receive(InputStream body, DataSize maxSize) throws IOException {
        Path temp = data.newTempFile("upload-");
        try {
            MessageDigest sha256 = sha256();
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha256)) {
                int n;
                while ((n = body.read(buffer)) != -1) {
                    size += n;
                    if (size > maxSize.toBytes()) {
                        throw new UploadTooLargeException(maxSize);
                    }
                    out.write(buffer, 0, n);
                }
            }
            return new Upload(temp, Digest.parse("sha256:" + HexFormat.of().formatHex(sha256.digest())), size);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Moves a received upload into the store (or drops it when the same archive is stored already). */
    public Path keep(Upload upload) throws IOException {
        Path target = path(upload.digest());
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            Files.deleteIfExists(upload.file());
        } else {
            Files.move(upload.file(), target, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }

    public Path path(Digest digest) {
        return path(data, digest);
    }

    /** Where the archive of {@code digest} is kept under a data directory (also read by separate scan workers). */
    public static Path path(DataDirectory data, Digest digest) {
        return data.folder("images").resolve(digest.algorithm()).resolve(digest.hex() + ".tar");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An upload received into a temporary file, not yet kept. */
    public record Upload(Path file, Digest digest, long size) {

        public void discard() throws IOException {
            Files.deleteIfExists(file);
        }
    }

    /** The upload is larger than the configured maximum. */
    public static class UploadTooLargeException extends IOException {

        public UploadTooLargeException(DataSize max) {
            super("The image archive is larger than the maximum of " + max.toMegabytes() + " MB.");
        }
    }
}

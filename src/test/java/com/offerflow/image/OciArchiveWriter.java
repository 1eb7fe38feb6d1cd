package com.offerflow.image;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Writes an OCI layout directory as an oci-archive, as {@code skopeo copy ... oci-archive:} does: test images. */
final class OciArchiveWriter {

    private OciArchiveWriter() {
    }

    /**
     * Writes an OCI layout directory as an oci-archive (plain tar; {@code oci-layout}, {@code index.json}, then the
     * blobs sorted by name, fixed timestamps, so the same layout always gives the same bytes).
     */
    public static void write(Path layoutDir, OutputStream out) throws IOException {
        List<Path> blobs = new ArrayList<>();
        Path blobDir = layoutDir.resolve("blobs").resolve("sha256");
        if (Files.isDirectory(blobDir)) {
            try (Stream<Path> s = Files.list(blobDir)) {
                s.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith("."))
                        .sorted().forEach(blobs::add);
            }
        }
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new UnclosableOutputStream(out));
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        addFile(tar, layoutDir.resolve("oci-layout"), "oci-layout");
        addFile(tar, layoutDir.resolve("index.json"), "index.json");
        addDir(tar, "blobs/");
        addDir(tar, "blobs/sha256/");
        for (Path blob : blobs) {
            addFile(tar, blob, "blobs/sha256/" + blob.getFileName());
        }
        tar.finish();
        tar.close();
    }

    private static void addDir(TarArchiveOutputStream tar, String name) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_DIR);
        e.setMode(040755);
        e.setModTime(0);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
    }

    private static void addFile(TarArchiveOutputStream tar, Path file, String name) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(Files.size(file));
        e.setMode(0100644);
        e.setModTime(0);
        tar.putArchiveEntry(e);
        Files.copy(file, tar);
        tar.closeArchiveEntry();
    }

    static final class UnclosableOutputStream extends java.io.FilterOutputStream {
        UnclosableOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}

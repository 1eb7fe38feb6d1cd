package com.offerflow.image;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OciArchiveTest {

    private static final String LAYOUT = "{\"imageLayoutVersion\":\"1.0.0\"}";

    @TempDir
    Path tmp;

    @Test
    void opensAnArchiveWithDotSlashNamesAndListsItsTags() throws Exception {
        Path layout = tmp.resolve("layout");
        Descriptor manifest = OciImageBuilder.image().layer(l -> l.file("a", "b")).tag("1.0").tag("latest")
                .writeLayout(layout);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("./oci-layout", Files.readAllBytes(layout.resolve("oci-layout")));
        files.put("./index.json", Files.readAllBytes(layout.resolve("index.json")));
        try (var blobs = Files.list(layout.resolve("blobs/sha256"))) {
            for (Path b : blobs.toList()) {
                files.put("./blobs/sha256/" + b.getFileName(), Files.readAllBytes(b));
            }
        }
        Path file = tar(files);
        try (OciArchive archive = OciArchive.open(file, ImageLimits.defaults())) {
            assertThat(archive.tags()).containsExactly("1.0", "latest");
            assertThat(archive.manifests()).singleElement()
                    .satisfies(m -> assertThat(m.descriptor().digest()).isEqualTo(manifest.digest()))
                    .satisfies(m -> assertThat(m.tags()).containsExactly("1.0", "latest"));
            assertThat(archive.reference()).startsWith("oci-archive:");
        }
    }

    @Test
    void refusesAFileThatIsNotATar() throws Exception {
        Path file = tmp.resolve("x.tar");
        Files.writeString(file, "hello, this is not a tar file at all ".repeat(50));
        assertCode(file, "not-a-tar");
        Files.write(file, new byte[0]);
        assertCode(file, "not-a-tar");
    }

    @Test
    void explainsAGzipCompressedArchive() throws Exception {
        Path file = tmp.resolve("x.tar.gz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(OciImageBuilder.image().toArchiveBytes());
        }
        Files.write(file, bytes.toByteArray());
        assertThatThrownBy(() -> OciArchive.open(file, ImageLimits.defaults()))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("gzip-compressed");
    }

    @Test
    void refusesATarWithoutOciLayoutAndExplainsDockerSave() throws Exception {
        assertCode(tar(Map.of("hello.txt", "hi".getBytes())), "not-an-oci-layout");
        assertThatThrownBy(() -> OciArchive.open(tar(Map.of("manifest.json", "[]".getBytes())),
                ImageLimits.defaults())).hasMessageContaining("docker save");
    }

    @Test
    void refusesOtherLayoutVersions() throws Exception {
        assertCode(tar(Map.of("oci-layout", "{\"imageLayoutVersion\":\"2.0.0\"}".getBytes())),
                "unsupported-layout-version");
    }

    @Test
    void refusesAMissingOrBrokenIndex() throws Exception {
        assertCode(tar(Map.of("oci-layout", LAYOUT.getBytes())), "invalid-index");
        assertCode(tar(Map.of("oci-layout", LAYOUT.getBytes(), "index.json", "{".getBytes())), "invalid-index");
        String deep = "[".repeat(50_000) + "]".repeat(50_000);
        assertCode(tar(Map.of("oci-layout", LAYOUT.getBytes(), "index.json", deep.getBytes())), "invalid-index");
    }

    @Test
    void refusesAnIndexWithoutManifests() throws Exception {
        assertCode(tar(Map.of("oci-layout", LAYOUT.getBytes(),
                "index.json", "{\"schemaVersion\":2,\"manifests\":[]}".getBytes())), "no-manifest");
    }

    @Test
    void refusesAnIndexThatPointsToAMissingBlob() throws Exception {
        String index = "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST
                + "\",\"size\":1,\"digest\":\"" + Digest.of(new byte[1]) + "\"}]}";
        assertCode(tar(Map.of("oci-layout", LAYOUT.getBytes(), "index.json", index.getBytes())), "missing-blob");
    }

    @Test
    void refusesTooLargeArchivesAndTooManyEntries() throws Exception {
        Path file = tmp.resolve("ok.tar");
        OciImageBuilder.image().layer(l -> l.file("a", "b")).writeArchive(file);
        assertThatThrownBy(() -> OciArchive.open(file, ImageLimits.defaults().withMaxArchiveBytes(100)))
                .extracting(e -> ((InvalidImageException) e).code()).isEqualTo("too-large");
        assertThatThrownBy(() -> OciArchive.open(file, ImageLimits.defaults().withMaxArchiveEntries(3)))
                .extracting(e -> ((InvalidImageException) e).code()).isEqualTo("too-many-entries");
    }

    @Test
    void refusesAHugeLongNameHeaderBeforeReadingIt() throws Exception {
        Path file = tmp.resolve("longname.tar");
        byte[] header = new byte[512];
        byte[] name = "././@LongLink".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, header, 0, name.length);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", 2 * 1024 * 1024));
        put(header, 136, "00000000000");
        header[156] = 'L';
        put(header, 257, "ustar  ");
        java.util.Arrays.fill(header, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        byte[] content = new byte[512 + 2 * 1024 * 1024 + 1024];
        System.arraycopy(header, 0, content, 0, 512);
        java.util.Arrays.fill(content, 512, 512 + 2 * 1024 * 1024, (byte) 'x');
        Files.write(file, content);
        assertCode(file, "not-a-tar");
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] b = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, header, offset, b.length);
    }

    @Test
    void refusesATruncatedArchive() throws Exception {
        byte[] full = OciImageBuilder.image().layer(l -> l.file("a", new byte[100_000])).toArchiveBytes();
        Path file = tmp.resolve("truncated.tar");
        Files.write(file, java.util.Arrays.copyOf(full, full.length / 2));
        assertThatThrownBy(() -> OciArchive.open(file, ImageLimits.defaults()))
                .isInstanceOf(InvalidImageException.class);
    }

    @Test
    void aVanishedFileIsAnIoProblemNotAnImageProblem() {
        assertThatThrownBy(() -> OciArchive.open(tmp.resolve("gone.tar"), ImageLimits.defaults()))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void ignoresTraversalNamesInsteadOfFollowingThem() throws Exception {
        Path layout = tmp.resolve("layout");
        OciImageBuilder.image().layer(l -> l.file("a", "b")).writeLayout(layout);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("oci-layout", Files.readAllBytes(layout.resolve("oci-layout")));
        files.put("../index.json", "{\"schemaVersion\":2,\"manifests\":[]}".getBytes());
        files.put("/index.json", "{\"schemaVersion\":2,\"manifests\":[]}".getBytes());
        files.put("index.json", Files.readAllBytes(layout.resolve("index.json")));
        try (var blobs = Files.list(layout.resolve("blobs/sha256"))) {
            for (Path b : blobs.toList()) {
                files.put("blobs/sha256/" + b.getFileName(), Files.readAllBytes(b));
            }
        }
        try (OciArchive archive = OciArchive.open(tar(files), ImageLimits.defaults())) {
            assertThat(archive.manifests()).hasSize(1);
        }
    }

    private void assertCode(Path file, String code) {
        assertThatThrownBy(() -> OciArchive.open(file, ImageLimits.defaults()))
                .isInstanceOf(InvalidImageException.class)
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank())
                .extracting(e -> ((InvalidImageException) e).code()).isEqualTo(code);
    }

    private Path tar(Map<String, byte[]> files) throws IOException {
        Path file = Files.createTempFile(tmp, "archive", ".tar");
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(file))) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey(), true);
                e.setSize(f.getValue().length);
                out.putArchiveEntry(e);
                out.write(f.getValue());
                out.closeArchiveEntry();
            }
        }
        return file;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}

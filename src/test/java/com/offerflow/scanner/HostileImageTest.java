package com.offerflow.scanner;

import com.offerflow.image.Descriptor;
import com.offerflow.image.Digest;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.MediaTypes;
import com.offerflow.image.OciImageBuilder;
import com.offerflow.image.OciLayout;
import com.offerflow.scanner.TestImages.RawLayer;
import com.offerflow.scanner.TestImages.TarEntry;
import com.offerflow.scanner.report.CertificationReport;
import com.offerflow.scanner.report.CertificationReport.Outcome;
import com.offerflow.scanner.report.Evidence;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static com.offerflow.scanner.ImageScannerTest.evidence;
import static com.offerflow.scanner.ImageScannerTest.names;
import static org.assertj.core.api.Assertions.assertThat;

/** Images made by strangers: each trick gets its own finding, never an exception, a hang or a file on disk. */
@Timeout(60)
class HostileImageTest {

    @TempDir
    Path tmp;

    private final ImageScanner scanner = new ImageScanner(ScanSettings.defaults());

    private CertificationReport scan(OciLayout layout) throws IOException {
        return scanner.scan(layout, ScanProgressListener.NONE);
    }

    private CertificationReport scanLayers(RawLayer... layers) throws IOException {
        return scan(TestImages.rawLayout(tmp.resolve("layout"), List.of(layers)));
    }

    private static byte[] cleanTar() throws IOException {
        return TestImages.tar(TarEntry.file("licenses/LICENSE", "MIT"), TarEntry.file("hello.txt", "hi"));
    }

    @Test
    void aRawLayoutOfACleanLayerPasses() throws Exception {
        CertificationReport report = scanLayers(RawLayer.gzipOf(cleanTar()));
        assertThat(report.outcome()).as(report.summary()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void traversalAndAbsoluteNamesAreFoundAndNothingIsWritten() throws Exception {
        CertificationReport report = scanLayers(RawLayer.gzipOf(TestImages.tar(
                TarEntry.file("licenses/LICENSE", "MIT"),
                TarEntry.file("../../../../tmp/offerflow-escaped", "owned"),
                TarEntry.file("/etc/cron.d/evil", "* * * * * root sh"),
                TarEntry.file("app/../../escape", "x"))));
        assertThat(names(report.failed())).containsExactly("safe-paths");
        assertThat(evidence(report, "safe-paths")).extracting(Evidence::path)
                .containsExactly("../../../../tmp/offerflow-escaped", "/etc/cron.d/evil", "app/../../escape");
        assertThat(evidence(report, "safe-paths").get(0).detail()).contains("climbs out");
        assertThat(Path.of("/tmp/offerflow-escaped")).doesNotExist();
    }

    @Test
    void aFileWrittenThroughASymlinkOfTheSameLayerFails() throws Exception {
        CertificationReport report = scanLayers(RawLayer.gzipOf(TestImages.tar(
                TarEntry.file("licenses/LICENSE", "MIT"),
                new TarEntry("etc", TarArchiveEntry.LF_SYMLINK, "/host/etc", new byte[0]),
                TarEntry.file("etc/shadow", "root::0:0:::::"))));
        assertThat(names(report.failed())).containsExactly("safe-paths");
        assertThat(evidence(report, "safe-paths")).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("etc/shadow");
            assertThat(e.detail()).contains("symbolic link '/etc'");
        });
    }

    @Test
    void hardLinksOutsideTheRootFailAndDeviceNodesWarn() throws Exception {
        CertificationReport report = scanLayers(RawLayer.gzipOf(TestImages.tar(
                TarEntry.file("licenses/LICENSE", "MIT"),
                new TarEntry("passwd-link", TarArchiveEntry.LF_LINK, "../../etc/passwd", new byte[0]),
                new TarEntry("dev/sda", TarArchiveEntry.LF_BLK, null, new byte[0]))));
        assertThat(names(report.failed())).containsExactly("safe-paths");
        assertThat(evidence(report, "safe-paths")).extracting(Evidence::detail)
                .anyMatch(d -> d.contains("hard link")).anyMatch(d -> d.contains("device node"));
    }

    @Test
    void aTruncatedGzipLayerIsALayerFormatFinding() throws Exception {
        RawLayer good = RawLayer.gzipOf(TestImages.tar(TarEntry.file("licenses/LICENSE", "MIT"),
                TarEntry.file("big.bin", "x".repeat(200_000) + new java.util.Random(1).ints(50_000).toString())));
        CertificationReport report = scanLayers(good.withBlob(Arrays.copyOf(good.blob(), good.blob().length / 2)));
        assertThat(names(report.failed())).contains("layer-format").doesNotContain("blob-integrity");
        assertThat(evidence(report, "layer-format").get(0).detail()).contains("truncated gzip");
        assertThat(evidence(report, "layer-format").get(0).layerIndex()).isZero();
        assertThat(names(report.errors())).contains("layer-diff-ids");
    }

    @Test
    void corruptGzipAndNonGzipDataAreLayerFormatFindings() throws Exception {
        RawLayer good = RawLayer.gzipOf(cleanTar());
        byte[] corrupt = good.blob().clone();
        for (int i = 20; i < 40; i++) {
            corrupt[i] ^= 0x5a;
        }
        CertificationReport report = scanLayers(good.withBlob(corrupt));
        assertThat(names(report.failed())).contains("layer-format");
        assertThat(evidence(report, "layer-format").get(0).detail()).contains("corrupt");

        CertificationReport plain = scan(TestImages.rawLayout(tmp.resolve("plain"),
                List.of(new RawLayer(cleanTar(), MediaTypes.OCI_LAYER_GZIP, Digest.of(cleanTar()), cleanTar().length))));
        assertThat(evidence(plain, "layer-format").get(0).detail()).contains("not gzip");
    }

    @Test
    void dataAfterTheGzipStreamIsALayerFormatFinding() throws Exception {
        RawLayer good = RawLayer.gzipOf(cleanTar());
        byte[] incompressible = new byte[200_000];
        new java.util.Random(3).nextBytes(incompressible);
        RawLayer large = RawLayer.gzipOf(TestImages.tar(TarEntry.file("licenses/LICENSE", "MIT"),
                new TarEntry("noise.bin", TarArchiveEntry.LF_NORMAL, null, incompressible)));
        // a few bytes (what commons-compress 1.28 appends after finish() and close()), and many: within the
        // decompressor's buffer, and beyond it
        List<RawLayer> layers = List.of(good.withBlob(TestImages.concat(good.blob(), new byte[]{3, 0, 1, 2, 3, 4, 0, 0, 0, 0})),
                large.withBlob(TestImages.concat(large.blob(), new byte[300_000])));
        for (int i = 0; i < layers.size(); i++) {
            CertificationReport report = scan(TestImages.rawLayout(tmp.resolve("trailing-" + i),
                    List.of(layers.get(i))));
            assertThat(names(report.failed())).as(report.summary()).containsExactly("layer-format");
            assertThat(evidence(report, "layer-format").get(0).detail())
                    .contains("data follows the end of the gzip stream");
            assertThat(names(report.passed())).contains("blob-integrity", "layer-diff-ids");
        }
    }

    @Test
    void concatenatedGzipMembersAreOneLayer() throws Exception {
        // eStargz layers are gzip members one after the other
        byte[] tar = cleanTar();
        int half = 1024;
        byte[] members = TestImages.concat(TestImages.gzip(Arrays.copyOf(tar, half)),
                TestImages.gzip(Arrays.copyOfRange(tar, half, tar.length)));
        CertificationReport report = scanLayers(new RawLayer(members, MediaTypes.OCI_LAYER_GZIP, Digest.of(tar),
                members.length));
        assertThat(report.failed()).as(report.summary()).isEmpty();
    }

    @Test
    void garbageInsteadOfATarIsALayerFormatFinding() throws Exception {
        byte[] garbage = new byte[10_000];
        new java.util.Random(7).nextBytes(garbage);
        CertificationReport report = scanLayers(RawLayer.gzipOf(garbage));
        assertThat(names(report.failed())).contains("layer-format");
        assertThat(evidence(report, "layer-format").get(0).detail()).contains("not a valid tar stream");
    }

    @Test
    void truncatedCorruptAndTrailedZstdLayersAreLayerFormatFindings() throws Exception {
        byte[] noise = new byte[100_000];
        new java.util.Random(5).nextBytes(noise);
        byte[] tar = TestImages.tar(TarEntry.file("licenses/LICENSE", "MIT"),
                new TarEntry("noise.bin", TarArchiveEntry.LF_NORMAL, null, noise));
        RawLayer good = RawLayer.zstdOf(tar);
        byte[] corrupt = good.blob().clone();
        for (int i = 20; i < 60; i++) {
            corrupt[i] ^= 0x5a;
        }
        List<RawLayer> layers = List.of(good.withBlob(Arrays.copyOf(good.blob(), good.blob().length / 2)),
                good.withBlob(corrupt), good.withBlob(TestImages.concat(good.blob(), new byte[]{1, 2, 3, 4, 5})),
                new RawLayer(tar, MediaTypes.OCI_LAYER_ZSTD, Digest.of(tar), tar.length));
        List<String> expected = List.of("truncated zstd", "corrupt", "corrupt", "corrupt");
        for (int i = 0; i < layers.size(); i++) {
            CertificationReport report = scan(TestImages.rawLayout(tmp.resolve("zstd-" + i), List.of(layers.get(i))));
            assertThat(names(report.failed())).as(report.summary()).contains("layer-format");
            assertThat(evidence(report, "layer-format").get(0).detail()).as("layer %d", i).contains(expected.get(i));
        }
        assertThat(scan(TestImages.rawLayout(tmp.resolve("zstd-good"), List.of(good))).failed()).isEmpty();
    }

    @Test
    void aZstdFrameThatNeedsAHugeWindowIsRefusedBeforeAnyIsAllocated() throws Exception {
        // frame header: magic, descriptor (no content size, no checksum), window descriptor 2^31 bytes; then one
        // last raw block of 16 bytes
        byte[] frame = new byte[]{0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0x00, (byte) 0xa8, (byte) 0x81, 0x00, 0x00};
        byte[] blob = TestImages.concat(frame, new byte[16]);
        CertificationReport report = scanLayers(new RawLayer(blob, MediaTypes.OCI_LAYER_ZSTD,
                Digest.of(new byte[16]), blob.length));
        assertThat(evidence(report, "layer-format").get(0).detail())
                .contains("a zstd frame needs a window larger than 128 MiB");
    }

    @Test
    void aZstdDecompressionBombStopsAtTheRatioLimit() throws Exception {
        ImageScanner strict = new ImageScanner(ScanSettings.builder().ratioCheckAfterBytes(1 << 20)
                .maxCompressionRatio(50).build());
        byte[] zeros = new byte[64 << 20];
        byte[] tar = TestImages.tar(new TarEntry("zeros.bin", TarArchiveEntry.LF_NORMAL, null, zeros));
        CertificationReport report = strict.scan(TestImages.rawLayout(tmp.resolve("zstd-bomb"),
                List.of(RawLayer.zstdOf(tar))), ScanProgressListener.NONE);
        assertThat(evidence(report, "layer-limits").get(0).detail()).contains("decompression bomb");
        assertThat(report.image().uncompressedSize()).isLessThan(16L << 20);
    }

    @Test
    void aLayerOfAnUnknownCompressionIsReportedAsUnsupported() throws Exception {
        CertificationReport report = scanLayers(new RawLayer(cleanTar(), "application/vnd.oci.image.layer.v1.tar+bzip2",
                Digest.of(cleanTar()), cleanTar().length));
        assertThat(evidence(report, "layer-format").get(0).detail()).contains("unsupported layer media type");
    }

    /** A layer of {@code size} zero bytes in one file, gzip-compressed (about 1000:1). */
    private static RawLayer zeroBomb(long size) throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        java.security.MessageDigest diff = Digest.sha256();
        try (OutputStream out = new java.security.DigestOutputStream(new GZIPOutputStream(gz, 65536), diff);
             org.apache.commons.compress.archivers.tar.TarArchiveOutputStream tar =
                     new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(out)) {
            TarArchiveEntry e = new TarArchiveEntry("zeros.bin");
            e.setSize(size);
            tar.putArchiveEntry(e);
            byte[] zeros = new byte[1 << 20];
            for (long left = size; left > 0; left -= zeros.length) {
                tar.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
            tar.closeArchiveEntry();
        }
        return new RawLayer(gz.toByteArray(), MediaTypes.OCI_LAYER_GZIP, Digest.fromBytes(diff.digest()), gz.size());
    }

    @Test
    void aDecompressionBombStopsAtTheRatioLimit() throws Exception {
        ImageScanner strict = new ImageScanner(ScanSettings.builder().ratioCheckAfterBytes(1 << 20)
                .maxCompressionRatio(50).build());
        CertificationReport report = strict.scan(TestImages.rawLayout(tmp.resolve("bomb"),
                List.of(zeroBomb(64L << 20))), ScanProgressListener.NONE);
        assertThat(names(report.failed())).contains("layer-limits");
        assertThat(evidence(report, "layer-limits").get(0).detail()).contains("decompression bomb");
        assertThat(report.image().uncompressedSize()).isLessThan(16L << 20);
        assertThat(names(report.errors())).contains("blob-integrity", "layer-diff-ids");
    }

    @Test
    void layerAndImageSizeLimitsStopReading() throws Exception {
        ImageScanner strict = new ImageScanner(ScanSettings.builder().maxLayerUncompressedBytes(4 << 20).build());
        CertificationReport report = strict.scan(TestImages.rawLayout(tmp.resolve("big"),
                List.of(zeroBomb(32L << 20))), ScanProgressListener.NONE);
        assertThat(evidence(report, "layer-limits").get(0).detail()).contains("limit per layer");

        ImageScanner total = new ImageScanner(ScanSettings.builder().maxUncompressedBytes(6 << 20).build());
        CertificationReport two = total.scan(TestImages.rawLayout(tmp.resolve("two"),
                List.of(zeroBomb(4L << 20), zeroBomb(4L << 20 | 1))), ScanProgressListener.NONE);
        assertThat(evidence(two, "layer-limits").get(0).detail()).contains("limit per image");
    }

    @Test
    void tooManyFilesStopReading() throws Exception {
        ImageScanner strict = new ImageScanner(ScanSettings.builder().maxTarEntries(50).build());
        TarEntry[] entries = new TarEntry[200];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = TarEntry.file("f/" + i, "x");
        }
        CertificationReport report = strict.scan(TestImages.rawLayout(tmp.resolve("many"),
                List.of(RawLayer.gzipOf(TestImages.tar(entries)))), ScanProgressListener.NONE);
        assertThat(evidence(report, "layer-limits").get(0).detail()).contains("more than 50 files");
    }

    @Test
    void aBlobThatDoesNotMatchItsDigestFails() throws Exception {
        Path dir = tmp.resolve("tampered");
        OciLayout layout = TestImages.rawLayout(dir, List.of(RawLayer.plain(cleanTar())));
        Descriptor layer = layout.manifests().get(0).manifest().layers().get(0);
        byte[] bytes = Files.readAllBytes(layout.blobPath(layer.digest()));
        bytes[600] ^= 1; // inside the LICENSE entry's content
        Files.write(layout.blobPath(layer.digest()), bytes);
        CertificationReport report = scan(layout);
        assertThat(names(report.failed())).contains("blob-integrity", "layer-diff-ids");
        assertThat(evidence(report, "blob-integrity").get(0).detail()).contains("sha256 is");
    }

    @Test
    void blobsShorterOrLongerThanDeclaredFail() throws Exception {
        RawLayer layer = RawLayer.gzipOf(cleanTar());
        CertificationReport shorter = scan(TestImages.rawLayout(tmp.resolve("s"),
                List.of(new RawLayer(layer.blob(), layer.mediaType(), layer.diffId(), layer.blob().length + 10))));
        assertThat(evidence(shorter, "blob-integrity").get(0).detail()).contains("bytes but its descriptor states");
        CertificationReport longer = scan(TestImages.rawLayout(tmp.resolve("l"),
                List.of(new RawLayer(layer.blob(), layer.mediaType(), layer.diffId(), layer.blob().length - 10))));
        assertThat(evidence(longer, "blob-integrity").get(0).detail()).contains("longer than");
    }

    @Test
    void aWrongDiffIdFails() throws Exception {
        RawLayer layer = RawLayer.gzipOf(cleanTar());
        CertificationReport report = scanLayers(new RawLayer(layer.blob(), layer.mediaType(),
                Digest.of("something else".getBytes()), layer.declaredSize()));
        assertThat(names(report.failed())).containsExactly("layer-diff-ids");
        assertThat(evidence(report, "layer-diff-ids").get(0).detail()).contains("but the config's diff_id is");
    }

    @Test
    void aMissingLayerBlobFails() throws Exception {
        Path dir = tmp.resolve("missing");
        OciLayout layout = TestImages.rawLayout(dir, List.of(RawLayer.gzipOf(cleanTar())));
        Files.delete(layout.blobPath(layout.manifests().get(0).manifest().layers().get(0).digest()));
        CertificationReport report = scan(layout);
        assertThat(names(report.failed())).contains("blob-integrity");
        assertThat(evidence(report, "blob-integrity").get(0).detail()).contains("missing");
    }

    @Test
    void aManifestOfManyMegabytesIsRefusedUnread() throws Exception {
        Path dir = tmp.resolve("huge");
        OciLayout layout = OciLayout.create(dir);
        String padding = "x".repeat(6 * 1024 * 1024);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST
                + "\",\"annotations\":{\"pad\":\"" + padding + "\"}}").getBytes(StandardCharsets.UTF_8);
        layout.putManifest(layout.putBlob(MediaTypes.OCI_MANIFEST, manifest), "huge");
        CertificationReport report = scan(layout);
        assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(names(report.failed())).containsExactly("image-structure");
        assertThat(evidence(report, "image-structure").get(0).detail()).contains("more than the limit")
                .contains("[blob-too-large]");
    }

    @Test
    void deeplyNestedJsonInTheConfigIsRefused() throws Exception {
        Path dir = tmp.resolve("deep");
        OciLayout layout = OciLayout.create(dir);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"x\":" + "[".repeat(200_000)
                + "]".repeat(200_000) + "}").getBytes(StandardCharsets.UTF_8);
        Descriptor c = layout.putBlob(MediaTypes.OCI_CONFIG, config);
        TestImages.writeManifest(layout, c, List.of());
        CertificationReport report = scan(OciLayout.open(dir, ImageLimits.defaults()));
        assertThat(names(report.failed())).containsExactly("image-structure");
        assertThat(evidence(report, "image-structure").get(0).detail()).contains("parsing limit");
    }

    @Test
    void aManifestDigestMismatchIsABlobIntegrityFinding() throws Exception {
        Path dir = tmp.resolve("mismatch");
        OciLayout layout = TestImages.rawLayout(dir, List.of(RawLayer.gzipOf(cleanTar())));
        Descriptor m = layout.index().manifests().get(0);
        Path file = layout.blobPath(m.digest());
        String json = Files.readString(file).replace("\"schemaVersion\":2", "\"schemaVersion\": 2");
        Files.writeString(file, json.substring(0, json.length() - 1) + "}");
        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), (int) m.size()));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 2] = ' ';
        Files.write(file, bytes);
        CertificationReport report = scan(layout);
        assertThat(names(report.failed())).contains("blob-integrity");
    }

    @Test
    void aHugeTarExtendedHeaderIsRefusedBeforeItIsRead() throws Exception {
        // a pax header entry ('x') that claims 256 MiB, followed by that many bytes of a single value
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        tar.write(header("./PaxHeaders/big", 'x', 256L << 20));
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'a');
        byte[] prefix = "268435456 path=".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(prefix, 0, chunk, 0, prefix.length);
        RawLayer layer = RawLayer.gzipOf(TestImages.concat(tar.toByteArray(), chunk, new byte[4096]));
        CertificationReport report = scanLayers(layer);
        assertThat(names(report.failed())).contains("layer-format");
        assertThat(evidence(report, "layer-format").get(0).detail()).contains("extended header");
    }

    @Test
    void aChainOfLongNameHeadersCannotOverflowTheStack() throws Exception {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        for (int i = 0; i < 1_000; i++) {
            tar.write(header("././@LongLink", 'L', 10));
            byte[] data = new byte[512];
            System.arraycopy("aaaaaaaaa\0".getBytes(StandardCharsets.US_ASCII), 0, data, 0, 10);
            tar.write(data);
        }
        tar.write(new byte[1024]);
        CertificationReport report = scanLayers(RawLayer.gzipOf(tar.toByteArray()));
        assertThat(names(report.failed())).contains("layer-format");
        assertThat(evidence(report, "layer-format").get(0).detail()).contains("consecutive");
    }

    @Test
    void anEndlessOldGnuSparseMapIsRefused() throws Exception {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        byte[] h = header("sparse.bin", 'S', 512);
        h[482] = 1; // extended: more sparse records follow
        put(h, 386, "00000000001");
        put(h, 398, "00000000001");
        fixChecksum(h);
        tar.write(h);
        byte[] ext = new byte[512];
        for (int i = 0; i < 21; i++) {
            put(ext, i * 24, "00000000001");
            put(ext, i * 24 + 12, "00000000001");
        }
        ext[504] = 1;
        for (int i = 0; i < 10_000; i++) {
            tar.write(ext);
        }
        tar.write(new byte[2048]);
        CertificationReport report = scanLayers(RawLayer.gzipOf(tar.toByteArray()));
        assertThat(names(report.failed())).contains("layer-format");
        // commons-compress refuses this map as corrupt before the scanner's own header budget is reached
        assertThat(evidence(report, "layer-format").get(0).detail()).contains("not a valid tar stream");
    }

    @Test
    void aSourceThatFailsToReadIsAnIoExceptionForARetry() throws Exception {
        Path dir = tmp.resolve("flaky");
        OciImageBuilder.image().layer(l -> l.file("a", "b".repeat(100_000))).writeLayout(dir);
        OciLayout layout = OciLayout.open(dir, ImageLimits.defaults());
        com.offerflow.image.ImageSource flaky = new com.offerflow.image.ImageSource() {
            @Override
            public com.offerflow.image.ImageIndex index() throws IOException,
                    com.offerflow.image.InvalidImageException {
                return layout.index();
            }

            @Override
            public InputStream openBlob(Descriptor d) throws IOException, com.offerflow.image.InvalidImageException {
                if (MediaTypes.isGzipLayer(d.mediaType())) {
                    InputStream real = layout.openBlob(d);
                    return new java.io.FilterInputStream(real) {
                        private int reads;

                        @Override
                        public int read(byte[] b, int off, int len) throws IOException {
                            if (++reads > 1) {
                                throw new IOException("connection reset");
                            }
                            return super.read(b, off, Math.min(len, 100));
                        }
                    };
                }
                return layout.openBlob(d);
            }

            @Override
            public String reference() {
                return "flaky";
            }

            @Override
            public ImageLimits limits() {
                return ImageLimits.defaults();
            }

            @Override
            public void close() {
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scanner.scan(flaky, ScanProgressListener.NONE))
                .isInstanceOf(IOException.class).hasMessageContaining("connection reset");
    }

    @Test
    void scanningWritesNothingAnywhere() throws Exception {
        Path dir = tmp.resolve("quiet");
        String name = "should-not-exist-" + ProcessHandle.current().pid();
        TestImages.rawLayout(dir, List.of(RawLayer.gzipOf(TestImages.tar(
                TarEntry.file("../../../../tmp/" + name, "x"), TarEntry.file("/tmp/abs-" + name, "x"),
                TarEntry.file("x/../../" + name, "x")))));
        List<Path> before;
        try (Stream<Path> s = Files.walk(dir)) {
            before = s.sorted().toList();
        }
        scan(OciLayout.open(dir, ImageLimits.defaults()));
        try (Stream<Path> s = Files.walk(dir)) {
            assertThat(s.sorted().toList()).isEqualTo(before);
        }
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(name));
        }
        assertThat(Path.of("/tmp/" + name)).doesNotExist();
        assertThat(tmp.getParent().resolve(name)).doesNotExist();
    }

    private static byte[] header(String name, char type, long size) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, h, 0, n.length);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, "00000000000");
        h[156] = (byte) type;
        put(h, 257, "ustar\0");
        put(h, 263, "00");
        fixChecksum(h);
        return h;
    }

    private static void fixChecksum(byte[] h) {
        Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
    }

    private static void put(byte[] h, int offset, String value) {
        byte[] b = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, offset, b.length);
    }
}

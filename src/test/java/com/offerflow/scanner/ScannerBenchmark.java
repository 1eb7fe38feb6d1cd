package com.offerflow.scanner;

import com.offerflow.image.Descriptor;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.ImageManifest;
import com.offerflow.image.OciArchive;
import com.offerflow.image.OciImageBuilder;
import com.offerflow.scanner.report.CertificationReport;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * The scanner's speed against the floor of plain JDK gzip decompression, on the same layers, in the same JVM.
 *
 * <p>Generates (once, cached under {@code target/benchmark/}) an oci-archive of about 1.1 GB uncompressed in five
 * gzip layers: tens of thousands of files of mixed sizes and compressibility (text, binary, already compressed,
 * zero-filled), a dpkg status file, passwd, a license. Then, after a warm-up, alternates a baseline pass
 * ({@link GZIPInputStream} with a 64 KiB buffer reading every layer blob to the end) and a full scan, several
 * times, and prints the medians and their ratio. Run it with {@code -Xmx256m} (the Maven profile does):
 * {@code mvn -q -Pbenchmark test}.
 */
public final class ScannerBenchmark {

    private static final long MB = 1_000_000L;

    private ScannerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Path.of(args.length > 1 ? args[1] : "target/benchmark");
        Files.createDirectories(dir);
        Path archive = dir.resolve("benchmark-image-v1.tar");
        if (!Files.exists(archive)) {
            long t = System.nanoTime();
            Path tmp = dir.resolve("benchmark-image.tmp");
            generate().writeArchive(tmp);
            Files.move(tmp, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", archive, (System.nanoTime() - t) / 1e9);
        }
        ImageScanner scanner = new ImageScanner(ScanSettings.defaults());
        try (OciArchive image = OciArchive.open(archive, ImageLimits.defaults())) {
            ImageManifest manifest = image.manifests().get(0).manifest();
            long compressed = manifest.layers().stream().mapToLong(Descriptor::size).sum();
            long uncompressed = baseline(image, manifest);
            System.out.printf(Locale.ROOT, "image: %d layers, %.0f MB compressed, %.0f MB uncompressed, Java %s, "
                            + "%d cores, max heap %d MiB%n", manifest.layers().size(), compressed / 1e6,
                    uncompressed / 1e6, System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            System.out.println("warm-up...");
            baseline(image, manifest);
            CertificationReport warm = scanner.scan(image, ScanProgressListener.NONE);
            System.out.println("report of the warm-up scan: " + warm.summary().replace('\n', ' '));
            System.out.println("files: " + warm.image().uncompressedSize() / MB + " MB scanned, "
                    + warm.packages().size() + " packages");
            double[] base = new double[runs];
            double[] scan = new double[runs];
            double[] baseCpu = new double[runs];
            double[] scanThreadCpu = new double[runs];
            double[] scanProcessCpu = new double[runs];
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            for (int i = 0; i < runs; i++) {
                double load = os.getSystemLoadAverage();
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                baseline(image, manifest);
                base[i] = uncompressed / MB / ((System.nanoTime() - t0) / 1e9);
                baseCpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
                resetPeakHeap();
                long c1 = threads.getCurrentThreadCpuTime();
                long p1 = os.getProcessCpuTime();
                long t1 = System.nanoTime();
                scanner.scan(image, ScanProgressListener.NONE);
                scan[i] = uncompressed / MB / ((System.nanoTime() - t1) / 1e9);
                scanThreadCpu[i] = (threads.getCurrentThreadCpuTime() - c1) / 1e9;
                scanProcessCpu[i] = (os.getProcessCpuTime() - p1) / 1e9;
                System.out.printf(Locale.ROOT, "run %d: baseline %.0f MB/s, scanner %.0f MB/s, ratio %.2f, "
                                + "peak heap %d MiB; CPU s: baseline %.2f, scanner %.2f on the decompressing thread "
                                + "and %.2f in the process; load average %.1f%n", i + 1, base[i], scan[i],
                        scan[i] / base[i], peakHeap() >> 20, baseCpu[i], scanThreadCpu[i], scanProcessCpu[i], load);
            }
            double b = median(base);
            double s = median(scan);
            System.out.printf(Locale.ROOT, "MEDIAN of %d runs: baseline (JDK GZIPInputStream, 64 KiB buffer) %.0f MB/s,"
                    + " scanner %.0f MB/s, ratio %.2f (target >= 0.85)%n", runs, b, s, s / b);
            System.out.printf(Locale.ROOT, "MEDIAN CPU seconds: baseline %.2f; scanner %.2f on the decompressing "
                            + "thread (ratio %.2f), %.2f in the whole process%n", median(baseCpu),
                    median(scanThreadCpu), median(baseCpu) / median(scanThreadCpu), median(scanProcessCpu));
        }
    }

    /** Decompresses every layer to the end with the JDK's GZIPInputStream and a 64 KiB buffer; returns bytes. */
    static long baseline(OciArchive image, ImageManifest manifest) throws Exception {
        long total = 0;
        byte[] buf = new byte[64 * 1024];
        for (Descriptor layer : manifest.layers()) {
            try (InputStream in = new GZIPInputStream(image.openBlob(layer), 64 * 1024)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    total += n;
                }
            }
        }
        return total;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    // ---------------------------------------------------------------- the generated image

    private static final int POOL = 16 << 20;

    /** Pools of content that compress like text (~3-4:1), like binaries (~2:1) and not at all. */
    private static final class Pools {
        final byte[] text = new byte[POOL];
        final byte[] binary = new byte[POOL];
        final byte[] random = new byte[POOL];

        Pools(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            String[] words = new String[4000];
            for (int i = 0; i < words.length; i++) {
                int len = 2 + r.nextInt(9);
                StringBuilder w = new StringBuilder(len);
                for (int k = 0; k < len; k++) {
                    w.append((char) ('a' + r.nextInt(26)));
                }
                words[i] = w.toString();
            }
            String[] seps = {" ", " ", " ", " ", ", ", ".\n", "(", ") ", " = ", ";\n    ", "_", "\n", " {\n", "}\n"};
            int p = 0;
            while (p < POOL) {
                String w = words[(int) Math.min(words.length - 1, Math.abs(r.nextGaussian()) * 600)];
                String s = r.nextInt(20) == 0 ? Integer.toString(r.nextInt(100000)) : seps[r.nextInt(seps.length)];
                for (byte b : (w + s).getBytes(StandardCharsets.US_ASCII)) {
                    if (p < POOL) {
                        text[p++] = b;
                    }
                }
            }
            p = 0;
            while (p < POOL) {
                int block = 64 + r.nextInt(448);
                int mode = r.nextInt(4);
                for (int k = 0; k < block && p < POOL; k++) {
                    binary[p++] = switch (mode) {
                        case 0 -> (byte) r.nextInt(256);
                        case 1 -> (byte) r.nextInt(16);
                        case 2 -> (byte) (k % 8 == 0 ? r.nextInt(256) : binary[Math.max(0, p - 8)]);
                        default -> (byte) (r.nextInt(8) == 0 ? r.nextInt(256) : 0);
                    };
                }
            }
            new Random(seed).nextBytes(random);
        }
    }

    private static OciImageBuilder generate() {
        Pools pools = new Pools(42);
        SplittableRandom r = new SplittableRandom(7);
        OciImageBuilder image = OciImageBuilder.image().user("1000:1000").labels(TestImages.LABELS);
        image.layer(l -> {
            l.file("etc/passwd", TestImages.PASSWD).file("etc/os-release", TestImages.OS_RELEASE)
                    .file("licenses/LICENSE", "Apache License 2.0\n")
                    .file("var/lib/dpkg/status", dpkgStatus(r, 450));
            fill(l, pools, r, "usr", 230 * MB);
        });
        String[] roots = {"usr/lib/python3", "opt/app", "usr/share", "srv/data"};
        for (String root : roots) {
            image.layer(l -> fill(l, pools, r, root, 220 * MB));
        }
        return image;
    }

    private static void fill(OciImageBuilder.Layer layer, Pools pools, SplittableRandom r, String root, long target) {
        long total = 0;
        int n = 0;
        List<String> dirs = new ArrayList<>();
        while (total < target) {
            if (n % 40 == 0) {
                String dir = root + "/d" + dirs.size() + "/sub" + r.nextInt(8);
                dirs.add(dir);
                layer.dir(dir);
            }
            String dir = dirs.get(dirs.size() - 1);
            int kind = r.nextInt(100);
            long size;
            byte[] pool;
            String ext;
            if (kind < 55) {
                pool = pools.text;
                size = logUniform(r, 200, 200_000);
                ext = new String[]{".py", ".js", ".txt", ".json", ".h", ".conf", ".md", ".xml"}[r.nextInt(8)];
            } else if (kind < 85) {
                pool = pools.binary;
                size = logUniform(r, 4_000, 8_000_000);
                ext = new String[]{".so", "", ".bin", ".o"}[r.nextInt(4)];
            } else if (kind < 97) {
                pool = pools.random;
                size = logUniform(r, 2_000, 4_000_000);
                ext = new String[]{".gz", ".jar", ".png", ".whl"}[r.nextInt(4)];
            } else {
                pool = null;
                size = logUniform(r, 1_000_000, 16_000_000);
                ext = ".db";
            }
            int offset = r.nextInt(POOL);
            final byte[] p = pool;
            final long s = size;
            layer.file(dir + "/f" + n + ext, size, () -> p == null
                    ? new ZeroInputStream(s) : new PoolInputStream(p, offset, s));
            if (r.nextInt(50) == 0) {
                layer.symlink(dir + "/link" + n, "f" + n + ext);
            }
            total += size;
            n++;
        }
    }

    private static long logUniform(SplittableRandom r, long min, long max) {
        return (long) Math.exp(Math.log(min) + r.nextDouble() * (Math.log(max) - Math.log(min)));
    }

    private static String dpkgStatus(SplittableRandom r, int packages) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < packages; i++) {
            b.append("Package: pkg").append(i).append("\nStatus: install ok installed\nPriority: optional\n")
                    .append("Architecture: amd64\nVersion: ").append(r.nextInt(10)).append('.')
                    .append(r.nextInt(30)).append('-').append(r.nextInt(5)).append("+deb12u1\n")
                    .append("Description: generated package ").append(i).append("\n some description text\n\n");
        }
        return b.toString();
    }

    /** {@code size} bytes of a pool, starting at an offset, wrapping around. */
    private static final class PoolInputStream extends InputStream {
        private final byte[] pool;
        private int pos;
        private long left;

        PoolInputStream(byte[] pool, int offset, long size) {
            this.pool = pool;
            this.pos = offset;
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            int b = pool[pos] & 0xff;
            pos = (pos + 1) % pool.length;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(Math.min(len, left), pool.length - pos);
            System.arraycopy(pool, pos, b, off, n);
            pos = (pos + n) % pool.length;
            left -= n;
            return n;
        }
    }

    private static final class ZeroInputStream extends InputStream {
        private long left;

        ZeroInputStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}

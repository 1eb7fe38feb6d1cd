package com.offerflow.scanner.advisories;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.offerflow.scanner.report.PackageInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A measurement, not a test: how long matching N stored inventories against an index of M synthetic advisories
 * takes, on one thread and on every core. Run it from the repository root after {@code mvn -q test-compile}:
 *
 * <pre>
 * java -cp "target/classes:target/test-classes:$(cat cp.txt)" \
 *      com.offerflow.scanner.advisories.AdvisoryMatchMeasurement [inventories] [advisories] [packages per inventory]
 * </pre>
 * where {@code cp.txt} comes from {@code mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 *
 * <p>The data imitate Debian's OSV advisories and container images: 4,000 source packages, of which the 300 that
 * base images are made of ({@code libc}, {@code openssl}, {@code curl}, ...) have 15% of the advisories, the most
 * common of them the most (the rest, with the kernel and the browsers, never appear in an image). Each advisory
 * names one source package, for {@code Debian:12} mostly, some for every release, a few for Alpine; its range
 * runs from {@code introduced 0} to a fix; 80% carry a CVSS v3 vector. An inventory lists 150 of the base sources,
 * the common ones more likely, with two binary packages each, at versions above most fixes, so that a few percent
 * of the advisories of its sources affect it (the output says how many vulnerabilities were found).
 */
public final class AdvisoryMatchMeasurement {

    private static final int SOURCES = 4_000;
    private static final int BASE = 300;
    private static final String[] VECTORS = {
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N",
            "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N"};

    private AdvisoryMatchMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        int inventories = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int advisories = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int packages = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        SplittableRandom random = new SplittableRandom(42);

        long t = System.nanoTime();
        AdvisoryIndex index = index(advisories, random);
        System.out.printf(Locale.ROOT, "index: %d advisories over %d source packages, built in %.1f s%n",
                index.advisoryCount(), SOURCES, (System.nanoTime() - t) / 1e9);
        List<List<PackageInfo>> stored = new ArrayList<>();
        for (int i = 0; i < inventories; i++) {
            stored.add(inventory(packages, random));
        }
        System.out.printf(Locale.ROOT, "inventories: %d of %d packages; Java %s, %d cores, max heap %d MiB%n",
                inventories, packages, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        matchAll(index, stored.subList(0, Math.min(stored.size(), 1_000)), 1); // warm-up
        for (int threads : new int[]{1, Runtime.getRuntime().availableProcessors()}) {
            for (int run = 1; run <= 3; run++) {
                double load = os.getSystemLoadAverage();
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                long found = matchAll(index, stored, threads);
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "%d thread(s), run %d: %d inventories x %d advisories in %.2f s "
                                + "wall clock, %.2f s CPU (%.0f us per inventory), %d vulnerabilities found, load "
                                + "average %.1f%n", threads, run, inventories, index.advisoryCount(), seconds,
                        (os.getProcessCpuTime() - cpu0) / 1e9, seconds * 1e6 / inventories, found, load);
            }
        }
    }

    private static long matchAll(AdvisoryIndex index, List<List<PackageInfo>> stored, int threads) throws Exception {
        if (threads == 1) {
            long found = 0;
            for (List<PackageInfo> inventory : stored) {
                found += index.match(inventory).size();
            }
            return found;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            int size = (stored.size() + threads - 1) / threads;
            for (int from = 0; from < stored.size(); from += size) {
                List<List<PackageInfo>> part = stored.subList(from, Math.min(stored.size(), from + size));
                parts.add(pool.submit(() -> matchAll(index, part, 1)));
            }
            long found = 0;
            for (Future<Long> f : parts) {
                found += f.get();
            }
            return found;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A base source, the common ones more often (weight 1/(k+5)). */
    private static int baseSource(SplittableRandom random) {
        // inverse of the weights' cumulative sum, ln((k+5)/5) / ln((BASE+5)/5)
        double u = random.nextDouble();
        return (int) Math.min(BASE - 1, Math.floor(5 * Math.pow((BASE + 5) / 5.0, u) - 5));
    }

    private static String version(int source, int release) {
        return (source % 7 + 1) + "." + (source % 13) + "." + release + "-" + (release % 3 + 1) + "~deb12u"
                + (release % 5);
    }

    private static AdvisoryIndex index(int count, SplittableRandom random) {
        ObjectMapper json = new ObjectMapper();
        AdvisoryIndex.Builder builder = AdvisoryIndex.builder();
        for (int i = 0; i < count; i++) {
            int source = random.nextInt(100) < 15 ? baseSource(random) : BASE + random.nextInt(SOURCES - BASE);
            ObjectNode a = json.createObjectNode().put("schema_version", "1.6.0").put("id", "DEBIAN-CVE-" + i)
                    .put("summary", "synthetic advisory " + i);
            a.putArray("aliases").add("CVE-2024-" + i);
            if (random.nextInt(10) < 8) {
                a.putArray("severity").addObject().put("type", "CVSS_V3")
                        .put("score", VECTORS[random.nextInt(VECTORS.length)]);
            }
            boolean alpine = random.nextInt(20) == 0;
            String ecosystem = alpine ? "Alpine:v3.20" : random.nextInt(4) == 0 ? "Debian" : "Debian:12";
            ObjectNode affected = a.putArray("affected").addObject();
            affected.putObject("package").put("ecosystem", ecosystem).put("name", "src" + source);
            ArrayNode events = affected.putArray("ranges").addObject().put("type", "ECOSYSTEM").putArray("events");
            events.addObject().put("introduced", "0");
            events.addObject().put("fixed", alpine ? "1." + random.nextInt(40) + "-r1"
                    : version(source, random.nextInt(40)));
            builder.add(a);
        }
        return builder.build();
    }

    private static List<PackageInfo> inventory(int count, SplittableRandom random) {
        java.util.Set<Integer> sources = new java.util.LinkedHashSet<>();
        while (sources.size() < Math.min(BASE, count / 2)) {
            sources.add(baseSource(random));
        }
        List<PackageInfo> list = new ArrayList<>();
        for (int source : sources) {
            String version = version(source, random.nextInt(36, 48));
            for (String binary : new String[]{"lib" + source, "bin" + source}) {
                list.add(new PackageInfo(binary, version, "Debian", "12", "src" + source, version));
            }
        }
        return list;
    }
}

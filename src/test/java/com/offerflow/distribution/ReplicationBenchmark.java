package com.offerflow.distribution;

import com.offerflow.image.Descriptor;
import com.offerflow.image.Digest;
import com.offerflow.image.ImageCopier;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.ImageManifest;
import com.offerflow.image.ImageJson;
import com.offerflow.image.MediaTypes;
import com.offerflow.image.OciLayout;
import com.offerflow.image.registry.DockerRegistryExtension;
import com.offerflow.image.registry.RegistryPusher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Replication's speed against skopeo's, in the same run, on the same machine: a ≥ 500 MB image (five
 * incompressible layers) pushed by Offerflow's {@link RegistryPusher} from a staging layout to a fresh
 * docker-registry, against {@code skopeo copy} of the same image from a registry holding it to a fresh registry
 * (the baseline) and from the same layout to a fresh registry. Every measured copy goes to a registry started
 * for it with empty storage, so nothing is mounted or skipped. Then the unchanged republish: the same push again to
 * a registry that has everything (HEAD only), and the embedded regions' copy between layouts of one blob store.
 *
 * <p>{@code mvn -q -Preplication-benchmark test} (arguments: runs, work directory, image MB). Prints the load average
 * before and after.
 */
public final class ReplicationBenchmark {

    private static final long MB = 1_000_000L;

    private ReplicationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Path.of(args.length > 1 ? args[1] : "target/benchmark").resolve("replication");
        long imageMb = args.length > 2 ? Long.parseLong(args[2]) : 550;
        Files.createDirectories(dir);
        System.out.println("load average before: " + loadAverage());
        Path layoutDir = dir.resolve("staging-" + imageMb + "mb");
        Descriptor manifest = generate(layoutDir, imageMb);
        OciLayout staging = OciLayout.open(layoutDir, ImageLimits.defaults());
        long size = Files.size(staging.blobPath(manifest.digest())) + blobsSize(staging, manifest);
        System.out.printf(Locale.ROOT, "image: %.0f MB in %d blobs, %d runs, %d cores, Java %s%n", size / 1e6,
                new ImageJson(ImageLimits.defaults()).manifest(staging.readBlob(manifest, 1 << 20), "m").layers()
                        .size() + 2, runs, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));

        Registry source = Registry.start(dir.resolve("source"));
        List<Double> offerflow = new ArrayList<>();
        List<Double> skopeoRegistry = new ArrayList<>();
        List<Double> skopeoLayout = new ArrayList<>();
        List<Double> republish = new ArrayList<>();
        try {
            push(staging, manifest, source, "bench/image"); // the registry-to-registry baseline's source
            for (int run = 0; run < runs; run++) {
                skopeoRegistry.add(timed(dir, "skopeo-registry", target -> skopeo(
                        "docker://" + source.host() + "/bench/image:1.0", "docker://" + target.host() + "/bench/image:1.0")));
                offerflow.add(timed(dir, "offerflow", target -> push(staging, manifest, target, "bench/image")));
                skopeoLayout.add(timed(dir, "skopeo-layout", target -> skopeo(
                        "oci:" + layoutDir + ":1.0", "docker://" + target.host() + "/bench/image:1.0")));
                Registry target = Registry.start(dir.resolve("republish"));
                try {
                    push(staging, manifest, target, "bench/image");
                    long t = System.nanoTime();
                    RegistryPusher.Result again = push(staging, manifest, target, "bench/image");
                    republish.add((System.nanoTime() - t) / 1e9);
                    if (again.uploaded() != 0) {
                        throw new IllegalStateException("the unchanged republish uploaded " + again);
                    }
                } finally {
                    target.stop();
                }
            }
        } finally {
            source.stop();
        }
        double[] embedded = embedded(dir, staging, manifest, runs);
        System.out.printf(Locale.ROOT, "%-58s %8s %8s%n", "median of " + runs + " runs", "seconds", "MB/s");
        print("skopeo copy docker://source -> docker://fresh (baseline)", skopeoRegistry, size);
        print("skopeo copy oci:staging -> docker://fresh", skopeoLayout, size);
        print("Offerflow replication staging -> docker://fresh", offerflow, size);
        System.out.printf(Locale.ROOT, "ratio Offerflow / skopeo registry-to-registry: %.2f%n",
                median(skopeoRegistry) / median(offerflow));
        System.out.printf(Locale.ROOT, "ratio Offerflow / skopeo from the same layout:  %.2f%n",
                median(skopeoLayout) / median(offerflow));
        System.out.printf(Locale.ROOT, "unchanged republish to a registry that has it: %.3f s (0 blobs uploaded)%n",
                median(republish));
        System.out.printf(Locale.ROOT, "embedded region copy (hard links, one blob store): %.3f s, %d bytes written%n",
                embedded[0], (long) embedded[1]);
        System.out.println("load average after: " + loadAverage());
    }

    interface Copy {
        void to(Registry target) throws Exception;
    }

    /** Seconds of one copy to a registry started for it with empty storage. */
    private static double timed(Path dir, String name, Copy copy) throws Exception {
        Registry target = Registry.start(dir.resolve(name));
        try {
            long t = System.nanoTime();
            copy.to(target);
            return (System.nanoTime() - t) / 1e9;
        } finally {
            target.stop();
        }
    }

    private static RegistryPusher.Result push(OciLayout staging, Descriptor manifest, Registry target,
            String repository) throws Exception {
        RegistryPusher pusher = new RegistryPusher(Duration.ofSeconds(60), (service, scopes) -> {
            throw new IOException("the benchmark's registries are anonymous");
        });
        return pusher.push(staging, manifest, new RegistryPusher.Target(URI.create(target.url()), repository),
                List.of("1.0"), List.of());
    }

    private static double[] embedded(Path dir, OciLayout staging, Descriptor manifest, int runs) throws Exception {
        Path store = dir.resolve("embedded");
        delete(store);
        Path blobs = store.resolve("blobs");
        OciLayout shared = OciLayout.create(store.resolve("staging"), ImageLimits.defaults(), blobs);
        ImageCopier.copy(staging, manifest, shared, "1.0");
        List<Double> seconds = new ArrayList<>();
        long written = 0;
        for (int run = 0; run < runs; run++) {
            OciLayout region = OciLayout.create(store.resolve("region-" + run), ImageLimits.defaults(), blobs);
            long t = System.nanoTime();
            ImageCopier.CopyResult result = ImageCopier.copy(shared, manifest, region, "1.0");
            seconds.add((System.nanoTime() - t) / 1e9);
            written += result.bytes();
        }
        delete(store);
        return new double[] {median(seconds), written};
    }

    private static void skopeo(String from, String to) throws Exception {
        Process p = new ProcessBuilder("skopeo", "copy", "--quiet", "--src-tls-verify=false",
                "--dest-tls-verify=false", from, to).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("skopeo copy failed: " + out);
        }
    }

    /** An OCI layout of one manifest with {@code mb} MB of random layers (five), made once and kept. */
    private static Descriptor generate(Path layoutDir, long mb) throws Exception {
        if (Files.exists(layoutDir.resolve("index.json"))) {
            OciLayout existing = OciLayout.open(layoutDir, ImageLimits.defaults());
            if (!existing.index().manifests().isEmpty()) {
                return existing.index().manifests().get(0).withAnnotation(Descriptor.REF_NAME, null);
            }
        }
        delete(layoutDir);
        OciLayout layout = OciLayout.create(layoutDir);
        SplittableRandom random = new SplittableRandom(42);
        List<Descriptor> layers = new ArrayList<>();
        long perLayer = mb * MB / 5;
        for (int i = 0; i < 5; i++) {
            Path tmp = layoutDir.resolve("layer.tmp");
            MessageDigest sha = Digest.sha256();
            byte[] buffer = new byte[1 << 20];
            try (OutputStream out = Files.newOutputStream(tmp)) {
                for (long written = 0; written < perLayer; written += buffer.length) {
                    for (int j = 0; j < buffer.length; j += 8) {
                        long v = random.nextLong();
                        for (int k = 0; k < 8; k++) {
                            buffer[j + k] = (byte) (v >>> (8 * k));
                        }
                    }
                    out.write(buffer);
                    sha.update(buffer);
                }
            }
            Descriptor layer = Descriptor.of(MediaTypes.OCI_LAYER_GZIP, Digest.fromBytes(sha.digest()),
                    Files.size(tmp));
            try (var in = Files.newInputStream(tmp)) {
                layout.putBlob(layer, in);
            }
            Files.delete(tmp);
            layers.add(layer);
        }
        Descriptor config = layout.putBlob(MediaTypes.OCI_CONFIG, ("{\"architecture\":\"amd64\",\"os\":\"linux\","
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}").getBytes(StandardCharsets.UTF_8));
        ImageManifest manifest = new ImageManifest(2, MediaTypes.OCI_MANIFEST, config, layers, null);
        Descriptor descriptor = layout.putBlob(MediaTypes.OCI_MANIFEST, ImageJson.write(manifest));
        layout.putManifest(descriptor, "1.0");
        return descriptor;
    }

    private static long blobsSize(OciLayout layout, Descriptor manifest) throws Exception {
        return new ImageJson(ImageLimits.defaults()).manifest(layout.readBlob(manifest, 1 << 20), "manifest")
                .blobsSize();
    }

    private static void print(String what, List<Double> seconds, long size) {
        double median = median(seconds);
        System.out.printf(Locale.ROOT, "%-58s %8.2f %8.0f   (runs: %s)%n", what, median, size / MB / median,
                seconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList());
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** An anonymous docker-registry on a free loopback port, its storage fresh. */
    record Registry(Process process, int port, Path dir) {

        static Registry start(Path dir) throws Exception {
            delete(dir);
            Files.createDirectories(dir);
            int port = DockerRegistryExtension.freePort();
            Files.writeString(dir.resolve("config.yml"), """
                    version: 0.1
                    log:
                      level: error
                      accesslog:
                        disabled: true
                    storage:
                      filesystem:
                        rootdirectory: %s
                    http:
                      addr: 127.0.0.1:%d
                    """.formatted(dir.resolve("storage"), port));
            Process process = new ProcessBuilder("/usr/bin/docker-registry", "serve",
                    dir.resolve("config.yml").toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("registry.log").toFile()).start();
            for (int i = 0; i < 400; i++) {
                try {
                    HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/v2/").toURL()
                            .openConnection();
                    c.setConnectTimeout(200);
                    if (c.getResponseCode() == 200) {
                        return new Registry(process, port, dir);
                    }
                } catch (IOException e) {
                    Thread.sleep(50);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("docker-registry did not start");
        }

        String host() {
            return "127.0.0.1:" + port;
        }

        String url() {
            return "http://" + host();
        }

        void stop() throws Exception {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            delete(dir);
        }
    }
}

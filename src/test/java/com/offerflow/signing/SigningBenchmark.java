package com.offerflow.signing;

import com.offerflow.OfferflowApplication;
import com.offerflow.demo.SampleImage;
import com.offerflow.demo.SampleOffer;
import com.offerflow.image.Digest;
import com.offerflow.packaging.PackagingService;
import com.offerflow.signing.simple.DockerReference;
import com.offerflow.signing.simple.SignaturePayload;
import com.offerflow.signing.simple.SigningKey;
import com.offerflow.signing.simple.SimpleSigner;
import com.offerflow.storage.ImageArchives;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What signing adds to packaging: in one JVM, the app (default profile, H2 on disk under
 * {@code target/benchmark-signing/}) packages the sample image (the packaging step's own work: the upload's manifests,
 * configs and layers copied into a fresh staging layout, tagged) and then signs the package's digest for N
 * references (default 4: three regions and the preview) with {@link PackageSigner} (payload, OpenPGP signature,
 * insert), alternating, after a warm-up. Prints wall-clock and thread-CPU medians, the 90th percentile and the
 * maximum of both, with the load average. Then, without the database, the time one signature takes with an Ed25519
 * and an RSA-3072 key, and how long making each key takes: why the generated key is Ed25519.
 *
 * <p>{@code mvn -q -Psigning-benchmark test} (arguments: runs, references; {@code -Dbenchmark.runs=50}).
 */
public final class SigningBenchmark {

    private SigningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int references = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path dir = Files.createDirectories(Path.of(args.length > 2 ? args[2] : "target/benchmark-signing"))
                .resolve(UUID.randomUUID().toString());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "load average at start: %.2f; Java %s, %d cores%n", load(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OfferflowApplication.class).run(
                "--spring.profiles.active=demo,manual", "--server.port=0", "--offerflow.data-dir=" + dir,
                "--logging.level.root=WARN", "--logging.level.com.offerflow=WARN")) {
            PackagingService packaging = app.getBean(PackagingService.class);
            PackageSigner signer = app.getBean(PackageSigner.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            ImageArchives archives = app.getBean(ImageArchives.class);
            ImageArchives.Upload upload = archives.receive(new ByteArrayInputStream(
                    SampleImage.image().toArchiveBytes()), DataSize.ofMegabytes(10));
            archives.keep(upload);
            var offer = SampleOffer.document("contoso-web");
            List<DockerReference> names = referencesOf(offer.technicalConfiguration().repositoryName(), references);
            System.out.printf(Locale.ROOT, "signing key %s; %d references, e.g. %s%n",
                    app.getBean(SigningKeys.class).current(), names.size(), names.get(0));

            int warmUp = Math.max(20, runs / 2);
            double[] packagingMs = new double[runs];
            double[] packagingCpuMs = new double[runs];
            double[] signingMs = new double[runs];
            double[] signingCpuMs = new double[runs];
            for (int i = -warmUp; i < runs; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                Digest digest = packaging.packageImage(UUID.randomUUID().toString(), offer,
                        upload.digest().toString()).digest();
                long t1 = System.nanoTime();
                long c1 = threads.getCurrentThreadCpuTime();
                jdbc.sql("delete from package_signature").update(); // so that every run signs (not skips) them all
                long c2 = threads.getCurrentThreadCpuTime();
                long t2 = System.nanoTime();
                List<PackageSignature> signed = signer.sign(digest, names);
                long t3 = System.nanoTime();
                long c3 = threads.getCurrentThreadCpuTime();
                if (signed.size() != names.size()) {
                    throw new IllegalStateException("signed " + signed.size() + " of " + names.size());
                }
                if (i >= 0) {
                    packagingMs[i] = (t1 - t0) / 1e6;
                    packagingCpuMs[i] = (c1 - c0) / 1e6;
                    signingMs[i] = (t3 - t2) / 1e6;
                    signingCpuMs[i] = (c3 - c2) / 1e6;
                }
            }
            System.out.printf(Locale.ROOT, "%d runs after %d warm-up runs (ms)      median    p90    max%n", runs,
                    warmUp);
            print("packaging the sample image, wall", packagingMs);
            print("packaging the sample image, CPU", packagingCpuMs);
            print("signing " + names.size() + " references, wall", signingMs);
            print("signing " + names.size() + " references, CPU", signingCpuMs);
            System.out.printf(Locale.ROOT, "signing / packaging, medians of wall time: %.2f%n",
                    median(signingMs) / median(packagingMs));
        }

        System.out.println("one signature without the database (ms)       median    p90    max   key made in");
        for (SigningKey.Algorithm algorithm : SigningKey.Algorithm.values()) {
            long g0 = System.nanoTime();
            SigningKey key = SigningKey.generate(algorithm, "benchmark", Instant.now(), null);
            double generatedMs = (System.nanoTime() - g0) / 1e6;
            SimpleSigner simple = new SimpleSigner(key);
            SignaturePayload payload = SignaturePayload.of(Digest.of(new byte[] {1}),
                    DockerReference.parse("registry.westeurope.example/contoso/contoso-web:1.0.0"), Instant.now());
            double[] ms = new double[Math.max(runs, 100)];
            for (int i = -200; i < ms.length; i++) {
                long t0 = System.nanoTime();
                simple.sign(payload);
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
            System.out.printf(Locale.ROOT, "  %-43s %6.2f %6.2f %6.2f   %8.0f ms%n", algorithm, median(ms),
                    percentile(ms, 0.9), max(ms), generatedMs);
        }
        System.out.printf(Locale.ROOT, "load average at end: %.2f%n", load());
    }

    /** Three regions' and the preview's registry hosts, then more regions if more are asked for. */
    static List<DockerReference> referencesOf(String repository, int count) {
        List<String> hosts = new ArrayList<>(List.of("westeurope.registry.offerflow.example",
                "eastus.registry.offerflow.example", "southeastasia.registry.offerflow.example",
                "preview.registry.offerflow.example"));
        for (int i = hosts.size(); i < count; i++) {
            hosts.add("region" + i + ".registry.offerflow.example");
        }
        return hosts.subList(0, count).stream()
                .map(host -> new DockerReference(host, repository, SampleOffer.VERSION)).toList();
    }

    private static void print(String what, double[] ms) {
        System.out.printf(Locale.ROOT, "  %-43s %6.2f %6.2f %6.2f%n", what, median(ms), percentile(ms, 0.9), max(ms));
    }

    private static double median(double[] values) {
        return percentile(values, 0.5);
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}

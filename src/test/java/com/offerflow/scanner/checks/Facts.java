package com.offerflow.scanner.checks;

import com.offerflow.image.Digest;
import com.offerflow.image.Platform;
import com.offerflow.scanner.facts.ContentFacts;
import com.offerflow.scanner.facts.FileSystemFacts;
import com.offerflow.scanner.facts.FlaggedFile;
import com.offerflow.scanner.facts.ImageFacts;
import com.offerflow.scanner.facts.KnownVulnerabilities;
import com.offerflow.scanner.facts.LayerFacts;
import com.offerflow.scanner.facts.LayerId;
import com.offerflow.scanner.facts.ManifestFacts;
import com.offerflow.scanner.facts.PathIssue;
import com.offerflow.scanner.facts.ReadProblem;
import com.offerflow.scanner.report.CheckResult;
import com.offerflow.scanner.report.Evidence;
import com.offerflow.scanner.report.PackageInfo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Facts for the checks' unit tests, as a scan of a clean image would collect them: one linux/amd64 manifest with
 * two layers read completely, a non-root user, a license, labels, and nothing suspicious. Each test changes what
 * it is about.
 */
final class Facts {

    static final Digest LAYER_0 = Digest.of("layer 0".getBytes(StandardCharsets.UTF_8));
    static final Digest LAYER_1 = Digest.of("layer 1".getBytes(StandardCharsets.UTF_8));

    private final List<ReadProblem> readProblems = new ArrayList<>();
    private List<ManifestFacts> manifests = new ArrayList<>(List.of(manifest(Platform.LINUX_AMD64)));
    private long compressedSize = 2000;
    private Map<Digest, LayerFacts> layers = new LinkedHashMap<>();
    private String layersNotRead;
    private final List<PathIssue> pathIssues = new ArrayList<>();
    private final Map<PathIssue.Kind, Integer> unlistedPathIssues = new EnumMap<>(PathIssue.Kind.class);
    private final List<FlaggedFile> flagged = new ArrayList<>();
    private int unlistedFlagged;
    private final List<String> signatureProblems = new ArrayList<>();
    private ContentFacts.Clamd clamd;
    private List<PackageInfo> packages = List.of();
    private KnownVulnerabilities vulnerabilities;
    private String failure;

    private Facts() {
        layer(LAYER_0, 0);
        layer(LAYER_1, 1);
    }

    static Facts image() {
        return new Facts();
    }

    static ManifestFacts manifest(Platform platform) {
        return new ManifestFacts(Digest.of(String.valueOf(platform).getBytes(StandardCharsets.UTF_8)), platform,
                List.of("1.0"), List.of(LAYER_0, LAYER_1), List.of(diffId(LAYER_0), diffId(LAYER_1)), "1000",
                Map.of("name", "hello", "vendor", "Contoso", "version", "1.0", "summary", "Says hello",
                        "description", "A friendly image", "licenses", "Apache-2.0"), Map.of(), Map.of(),
                fileSystem(Map.of("app", 1000L), "licenses/LICENSE", List.of(), Map.of()));
    }

    static FileSystemFacts fileSystem(Map<String, Long> users, String license, List<PackageInfo> packages,
                                      Map<String, String> unreadable) {
        return new FileSystemFacts(users, license, false, packages, unreadable);
    }

    static Digest diffId(Digest layer) {
        return Digest.of(("uncompressed " + layer).getBytes(StandardCharsets.UTF_8));
    }

    static LayerId id(int index) {
        return new LayerId((index == 0 ? LAYER_0 : LAYER_1).toString(), index);
    }

    /** A layer read completely and matching its descriptor. */
    Facts layer(Digest digest, int index) {
        return layer(new LayerFacts(new LayerId(digest.toString(), index), digest, 100, null, 100, true, false,
                digest, null, null, diffId(digest), 300));
    }

    Facts layer(LayerFacts layer) {
        layers.put(layer.digest(), layer);
        return this;
    }

    Facts readProblem(ReadProblem.Part part, String code) {
        readProblems.add(new ReadProblem(part, part == ReadProblem.Part.CONFIG ? "config of manifest sha256:abc"
                : null, "it is broken", code));
        return this;
    }

    /** The manifests could not be read at all. */
    Facts noManifests() {
        manifests = null;
        return layersUnread();
    }

    Facts manifests(ManifestFacts... list) {
        manifests = new ArrayList<>(List.of(list));
        return this;
    }

    Facts user(String user) {
        manifests.replaceAll(m -> new ManifestFacts(m.digest(), m.platform(), m.tags(), m.layers(), m.diffIds(),
                user, m.labels(), m.annotations(), m.indexAnnotations(), m.fileSystem()));
        return this;
    }

    Facts fileSystem(FileSystemFacts fs) {
        manifests.replaceAll(m -> m.withFileSystem(fs));
        return this;
    }

    Facts compressedSize(long size) {
        compressedSize = size;
        return this;
    }

    /** The scan did not get to the layers. */
    Facts layersUnread() {
        layers = null;
        manifests = manifests == null ? null : new ArrayList<>(manifests.stream().map(m -> m.withFileSystem(null))
                .toList());
        return this;
    }

    /** A limit kept the scan from reading the layers. */
    Facts layersNotRead(String why) {
        layersNotRead = why;
        return layersUnread();
    }

    Facts pathIssue(PathIssue.Kind kind, String path, String other) {
        pathIssues.add(new PathIssue(id(1), kind, path, other));
        return this;
    }

    Facts unlistedPathIssues(PathIssue.Kind kind, int count) {
        unlistedPathIssues.put(kind, count);
        return this;
    }

    Facts flagged(FlaggedFile.Kind kind, String path, String detail, FlaggedFile.Later later) {
        flagged.add(new FlaggedFile(kind, id(1), path, detail, later));
        return this;
    }

    Facts unlistedFlagged(int count) {
        unlistedFlagged = count;
        return this;
    }

    Facts signatureProblem(String problem) {
        signatureProblems.add(problem);
        return this;
    }

    Facts clamd(String unreachable, String failure) {
        clamd = new ContentFacts.Clamd("127.0.0.1:3310", unreachable, failure);
        return this;
    }

    Facts packages(PackageInfo... list) {
        packages = List.of(list);
        return this;
    }

    Facts vulnerabilities(KnownVulnerabilities known) {
        vulnerabilities = known;
        return this;
    }

    Facts failure(String what) {
        failure = what;
        return this;
    }

    ImageFacts build() {
        boolean read = layers != null;
        return new ImageFacts("test image", readProblems, manifests, manifests == null || manifests.isEmpty() ? null
                : manifests.get(0), compressedSize, layers, layersNotRead, read ? new ContentFacts(pathIssues,
                unlistedPathIssues, flagged, unlistedFlagged, signatureProblems, clamd) : null, packages,
                vulnerabilities, failure);
    }

    /**
     * The check's result on these facts; fails the test when the check does not run, or when its text is not its
     * own for the outcome.
     */
    CheckResult judgedBy(ImageCheck check) {
        Optional<Verdict> verdict = check.evaluate(build());
        assertThat(verdict).as(check.check().id() + " runs").isPresent();
        CheckResult result = verdict.get().result();
        assertThat(result.description()).as("text of " + check.check().id()).isNotIn(CheckTextsTest.GENERAL);
        return result;
    }

    Verdict.Status statusBy(ImageCheck check) {
        return check.evaluate(build()).orElseThrow().status();
    }

    static List<String> details(CheckResult result) {
        return result.evidence().stream().map(Evidence::detail).toList();
    }
}

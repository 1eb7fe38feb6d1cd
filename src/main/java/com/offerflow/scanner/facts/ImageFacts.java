package com.offerflow.scanner.facts;

import com.offerflow.image.Digest;
import com.offerflow.scanner.report.PackageInfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one scan learned about an image, for the checks to judge: what the single streaming pass read (the
 * index, manifests and configs, every layer once, the final file systems) and what the advisories say about the
 * packages it found. Immutable. A part the scan did not get to is null, and the checks that need it do not run.
 *
 * @param reference       the image as the source names it
 * @param readProblems    parts of the image that could not be read, in the order found
 * @param manifests       the manifests with a readable config, in the image's order; null when the manifests could
 *                        not be read at all
 * @param primary         the manifest of the required platform (else the first); null when there is none
 * @param compressedSize  the size of all blobs as stored (manifests, configs, layers; each once)
 * @param layers          every layer read, by digest, in the order read; null when the layers were not read
 * @param layersNotRead   why the layers were not read, when a limit prevented it; else null
 * @param content         what the layers' entries showed; null when the layers were not read
 * @param packages        the OS packages of all manifests' final file systems, the primary's first, each once
 * @param vulnerabilities what the advisories say about the packages; null when no advisories are configured
 * @param failure         what failed unexpectedly in the scanner itself (the exception's class); else null
 */
public record ImageFacts(String reference, List<ReadProblem> readProblems, List<ManifestFacts> manifests,
                         ManifestFacts primary, long compressedSize, Map<Digest, LayerFacts> layers,
                         String layersNotRead, ContentFacts content, List<PackageInfo> packages,
                         KnownVulnerabilities vulnerabilities, String failure) {

    public ImageFacts {
        readProblems = List.copyOf(readProblems);
        manifests = manifests == null ? null : List.copyOf(manifests);
        layers = layers == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(layers));
        packages = List.copyOf(packages);
    }

    /** Whether there is at least one manifest to judge. */
    public boolean hasManifests() {
        return manifests != null && !manifests.isEmpty();
    }

    /** Whether every layer was read (with the final file systems and the content facts). */
    public boolean layersRead() {
        return layers != null;
    }

    /** The manifests, the primary one first. */
    public List<ManifestFacts> primaryFirst() {
        List<ManifestFacts> list = new ArrayList<>(manifests == null ? List.of() : manifests);
        if (primary != null) {
            list.remove(primary);
            list.add(0, primary);
        }
        return list;
    }

    /** The facts of a layer, by its digest; null when it was not read. */
    public LayerFacts layer(Digest digest) {
        return layers == null ? null : layers.get(digest);
    }

    /** The same facts with what the advisories say about the packages. */
    public ImageFacts withVulnerabilities(KnownVulnerabilities known) {
        return new ImageFacts(reference, readProblems, manifests, primary, compressedSize, layers, layersNotRead,
                content, packages, known, failure);
    }
}

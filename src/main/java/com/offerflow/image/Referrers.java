package com.offerflow.image;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The artifacts a layout holds for its images (signatures, SBOMs, reports): manifests listed in index.json whose
 * {@code subject} is one of the given manifests (OCI 1.1), and image indexes tagged by the referrers fallback tag
 * scheme ({@code sha256-<hex>} of the subject). Replication carries them along with the images they refer to.
 */
public final class Referrers {

    /** At most this many index.json entries are read to find referrers. */
    static final int MAX_SCANNED = 1000;

    private Referrers() {
    }

    /** An artifact and the tag it is listed under (null: untagged, found through its {@code subject}). */
    public record Referrer(Descriptor manifest, String tag) {
    }

    public static List<Referrer> of(OciLayout layout, Set<Digest> subjects) throws IOException, InvalidImageException {
        ImageJson json = new ImageJson(layout.limits());
        List<Referrer> found = new ArrayList<>();
        int scanned = 0;
        for (Descriptor listed : layout.index().manifests()) {
            if (scanned++ >= MAX_SCANNED || !layout.hasBlob(listed.digest())) {
                continue;
            }
            String tag = listed.refName();
            Descriptor plain = listed.withAnnotation(Descriptor.REF_NAME, null);
            if (tag != null) {
                if (tag.startsWith("sha256-") && subjects.stream().anyMatch(s -> tag.equals("sha256-" + s.hex()))) {
                    found.add(new Referrer(plain, tag));
                }
                continue;
            }
            if (MediaTypes.isIndex(listed.mediaType())) {
                continue;
            }
            JsonNode manifest = json.tree(layout.readBlob(plain, layout.limits().maxManifestBytes()),
                    layout.limits().maxManifestBytes(), "invalid-manifest", "manifest " + listed.digest().shortForm());
            String subject = manifest.path("subject").path("digest").asText(null);
            if (subject != null && subjects.stream().anyMatch(s -> s.toString().equals(subject))) {
                found.add(new Referrer(plain, null));
            }
        }
        return found;
    }
}

package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.FlaggedFile;
import com.offerflow.scanner.facts.ImageFacts;
import com.offerflow.scanner.facts.ManifestFacts;
import com.offerflow.scanner.report.Evidence;

/** Evidence that several checks word the same way. */
final class Evidences {

    private Evidences() {
    }

    /** A file with malware or a secret, saying whether a later layer deleted or replaced it. */
    static Evidence of(FlaggedFile f) {
        FlaggedFile.Later later = f.later();
        String note = later == null ? ""
                : later.deleted() ? "; deleted by layer " + later.byLayer() + " (whiteout), but still shipped in layer "
                        + later.shippedInLayer() + " and readable by anyone who pulls the image"
                : "; replaced by layer " + later.byLayer() + ", but the original is still shipped in layer "
                        + later.shippedInLayer();
        return f.layer().evidence(f.path(), f.detail() + note);
    }

    /** {@code linux/arm64: } before evidence about one manifest, when the image has several. */
    static String platformPrefix(ImageFacts facts, ManifestFacts manifest) {
        return facts.manifests().size() > 1 ? manifest.platformText() + ": " : "";
    }
}

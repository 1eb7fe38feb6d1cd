package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.ImageFacts;
import com.offerflow.scanner.report.Evidence;

import java.util.Optional;

/** All blobs together, as stored, are within the limit. */
public final class ImageSizeCheck implements ImageCheck {

    private final long maxImageBytes;

    public ImageSizeCheck(long maxImageBytes) {
        this.maxImageBytes = maxImageBytes;
    }

    @Override
    public Check check() {
        return Check.IMAGE_SIZE;
    }

    @Override
    public Optional<Verdict> evaluate(ImageFacts facts) {
        if (!facts.hasManifests()) {
            return Optional.empty();
        }
        Verdict.Builder v = Verdict.of(check());
        if (facts.compressedSize() > maxImageBytes) {
            v.fail(Evidence.of("the image's blobs are " + facts.compressedSize()
                    + " bytes compressed, more than the limit of " + maxImageBytes));
        }
        return Optional.of(v.build());
    }
}

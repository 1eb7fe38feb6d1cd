package com.offerflow.signoff;

import com.offerflow.process.SignOffDecision;
import com.offerflow.publication.Finding;
import com.offerflow.publication.PublicationProgress;
import com.offerflow.publication.PublishingStep;
import com.offerflow.publication.StepOutcome;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;

/**
 * Step 4's decision: Go live is recorded on the publication (from then on it can no longer be cancelled); a
 * rejection's comment becomes the publisher's finding.
 */
@Service
class SignOffService {

    private static final PublishingStep STEP = PublishingStep.PUBLISHER_SIGNOFF;

    private final PublicationProgress progress;

    SignOffService(PublicationProgress progress) {
        this.progress = progress;
    }

    StepOutcome decide(String publicationId, SignOffDecision decision, String actor, String comment) {
        if (decision == SignOffDecision.GO_LIVE) {
            progress.goLiveSelected(publicationId, actor, comment);
            return new StepOutcome(STEP, List.of(), Map.of());
        }
        return new StepOutcome(STEP, List.of(Finding.error(STEP, "preview", "PreviewRejected",
                "rejected at sign-off by " + actor + ": " + comment,
                "Fix the offer or image, then resubmit; the publication runs again from step 1.")), Map.of());
    }
}

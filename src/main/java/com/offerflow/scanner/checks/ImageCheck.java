package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.ImageFacts;

import java.util.Optional;

/** One check of the certification scan: judges the facts one scan collected, and does nothing else. */
public interface ImageCheck {

    /** Which check this is: its name and texts. */
    Check check();

    /**
     * The verdict on the image; empty when the scan did not get as far as this check needs (it is then left out of
     * the report, and another check says why).
     */
    Optional<Verdict> evaluate(ImageFacts facts);
}

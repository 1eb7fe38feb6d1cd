package com.offerflow.publication;

import java.util.Optional;

/**
 * What the user tasks' forms show of a publication's certification ({@link TaskViews}): the latest report in a few
 * plain lines. Implemented by certification, which owns the reports.
 */
public interface CertificationSummaries {

    Optional<String> summary(String publicationId);
}

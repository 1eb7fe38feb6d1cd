package com.offerflow.packaging;

import com.offerflow.certification.CertificationService;

/**
 * Not for keeping: a dependency of step 3 on step 2, added only to show that ModularityTest refuses it. The next
 * commit reverts it.
 */
class ReachesIntoCertification {

    private final CertificationService certification;

    ReachesIntoCertification(CertificationService certification) {
        this.certification = certification;
    }

    boolean hasReport(String publicationId) {
        return certification.report(publicationId).isPresent();
    }
}

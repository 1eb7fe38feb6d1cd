/**
 * A publication of an offer: start, decisions (Go live, reject, resubmit, cancel) and the read model the
 * publisher follows (status, steps, findings). The only writer of that read model: steps return their outcome and
 * {@link com.offerflow.publication.PublicationContexts} records it. Also the publication's timing rules (SLA,
 * sign-off) and the texts of its user tasks' forms.
 */
@ApplicationModule(displayName = "Publication", allowedDependencies = {"engine", "identity", "offer", "process", "web"})
package com.offerflow.publication;

import org.springframework.modulith.ApplicationModule;

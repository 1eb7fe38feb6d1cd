package com.offerflow.publication;

import org.springframework.stereotype.Component;

/**
 * The timers of {@code PublishContainerOffer.bpmn}, as bean {@code timers}: {@code ${timers.stepSla('PACKAGING')}},
 * {@code ${timers.signOffReminder()}}, {@code ${timers.signOffExpiry()}}, ISO-8601 durations from configuration so
 * that tests and demos can shorten them.
 */
@Component("timers")
public class ProcessTimers {

    private final SlaPolicy sla;
    private final SignOffPolicy signOff;

    ProcessTimers(SlaPolicy sla, SignOffPolicy signOff) {
        this.sla = sla;
        this.signOff = signOff;
    }

    public String stepSla(PublishingStep step) {
        return sla.expected(step)
                .orElseThrow(() -> new IllegalArgumentException("Step " + step + " has no expected duration"))
                .toString();
    }

    public String signOffReminder() {
        return signOff.reminderAfter().toString();
    }

    public String signOffExpiry() {
        return signOff.expireAfter().toString();
    }
}

package com.offerflow.publication;

import java.util.List;
import java.util.Map;

/**
 * What a step's service returns: the findings of the step's current attempt (replacing any recorded earlier in it;
 * none when the step found nothing) and the process variables that route the model. The step's delegate or
 * listener hands it to {@link PublicationContexts#record}, the only writer of the read model.
 */
public record StepOutcome(PublishingStep step, List<Finding> findings, Map<String, Object> variables) {

    public StepOutcome {
        findings = List.copyOf(findings);
        variables = Map.copyOf(variables);
    }

    public boolean hasFindings() {
        return !findings.isEmpty();
    }
}

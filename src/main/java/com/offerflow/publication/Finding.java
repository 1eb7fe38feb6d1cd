package com.offerflow.publication;

/**
 * A problem a step found that needs the publisher's attention: the field or image path it concerns, the rule it
 * breaks, what is wrong and what to do. {@code severity} is ERROR (blocks) or WARNING.
 */
public record Finding(PublishingStep step, String severity, String field, String rule, String message,
                      String suggestion) {

    public static Finding error(PublishingStep step, String field, String rule, String message, String suggestion) {
        return new Finding(step, "ERROR", field, rule, message, suggestion);
    }
}

package com.offerflow.publication;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How long a preview waits for the publisher's Go live ({@code offerflow.sign-off.*}): a reminder after
 * {@code reminder-after}, and the publication expires after {@code expire-after}. The BPMN model reads them
 * through {@link ProcessTimers}.
 */
@Validated
@ConfigurationProperties("offerflow.sign-off")
public record SignOffPolicy(@NotNull Duration reminderAfter, @NotNull Duration expireAfter) {
}

package com.offerflow.publication;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Optional;

/**
 * The publishing steps' expected durations ({@code offerflow.sla.*}, ISO-8601) and the whole publication's SLA in
 * business days. The BPMN model reads them through {@link ProcessTimers}.
 */
@Validated
@ConfigurationProperties("offerflow.sla")
public record SlaPolicy(
        @NotNull Duration validatePrerequisites,
        @NotNull Duration certification,
        @NotNull Duration packaging,
        @NotNull Duration replication,
        @NotNull Duration live,
        @Min(1) @Max(365) int publicationBusinessDays,
        @DefaultValue("UTC") ZoneId timeZone) {

    /** The expected duration of a step; empty for the publisher's sign-off, which has none. */
    public Optional<Duration> expected(PublishingStep step) {
        return Optional.ofNullable(switch (step) {
            case VALIDATE_PREREQUISITES -> validatePrerequisites;
            case CERTIFICATION -> certification;
            case PACKAGING -> packaging;
            case PUBLISHER_SIGNOFF -> null;
            case REPLICATION -> replication;
            case LIVE -> live;
        });
    }

    /**
     * When a publication started at {@code start} is due: {@link #publicationBusinessDays} business days later, at
     * the same time of day, not counting Saturdays and Sundays in {@link #timeZone}.
     */
    public Date publicationDueAt(Instant start) {
        ZonedDateTime due = start.atZone(timeZone);
        int remaining = publicationBusinessDays;
        while (remaining > 0) {
            due = due.plusDays(1);
            if (due.getDayOfWeek() != DayOfWeek.SATURDAY && due.getDayOfWeek() != DayOfWeek.SUNDAY) {
                remaining--;
            }
        }
        return Date.from(due.toInstant());
    }
}

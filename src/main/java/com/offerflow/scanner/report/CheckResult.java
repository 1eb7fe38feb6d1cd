package com.offerflow.scanner.report;

import java.util.List;

/**
 * One check of the certification scan, as preflight reports it: a stable name (for tests, forms and filters), what
 * it checks, and for a failure or warning what it means ({@code help}) and what to do ({@code suggestion}), with
 * the evidence found.
 */
public record CheckResult(String name, String description, String help, String suggestion, List<Evidence> evidence) {

    public CheckResult {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}

/**
 * The checks of the certification scan, one class each: a check reads the {@link
 * com.offerflow.scanner.facts.ImageFacts} of one scan and gives a {@link com.offerflow.scanner.checks.Verdict}
 * (passed, warning, error or failed, with evidence), or none when the scan did not get as far as it needs.
 * {@link com.offerflow.scanner.checks.Check} holds every check's name and texts.
 */
package com.offerflow.scanner.checks;

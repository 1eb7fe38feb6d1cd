package com.offerflow.web;

/**
 * One problem with one field of a request: the field's path ({@code plans[0].regions[1]}), the rule it breaks
 * ({@code Size}, {@code Pattern}, ...), what is wrong, and what to do about it. The rejected value is never echoed.
 */
public record FieldError(String field, String rule, String message, String suggestion) {
}

package com.offerflow.offer;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * An offer id as a request names it (e.g. in a path): 1 to 50 lowercase letters, digits, '-' and '_'. Anything else
 * is refused as invalid rather than looked up, and never repeated in a message.
 */
@Documented
@Size(min = 1, max = 50)
@Pattern(regexp = OfferDocument.ID_PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface OfferId {

    String message() default "{offerflow.offerId}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

package com.offerflow.offer;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotEmpty;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * The preview audience names at least one subscription: somebody must be able to check the preview before Go live.
 * A draft may be saved without one; a publication needs one ({@link Prerequisites}).
 */
@Documented
@NotEmpty
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({FIELD, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface PreviewAudienceRequired {

    String message() default "{offerflow.previewAudienceRequired}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

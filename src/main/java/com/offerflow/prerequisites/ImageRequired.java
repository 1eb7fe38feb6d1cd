package com.offerflow.prerequisites;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** A publication needs an uploaded image. Reported on {@code image}. */
@Documented
@NotNull
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({FIELD, RECORD_COMPONENT})
@Retention(RUNTIME)
@interface ImageRequired {

    String message() default "{offerflow.imageRequired}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

package com.offerflow.offer;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** A region id from the configured list ({@code offerflow.replication.regions}). */
@Documented
@Constraint(validatedBy = KnownRegion.Validator.class)
@Target({FIELD, TYPE_USE})
@Retention(RUNTIME)
public @interface KnownRegion {

    String message() default "{offerflow.region}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Created by Spring's constraint validator factory, so the configured regions are injected. */
    class Validator implements ConstraintValidator<KnownRegion, String> {

        private final MarketplaceRegions regions;

        public Validator(MarketplaceRegions regions) {
            this.regions = regions;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || regions.contains(value);
        }
    }
}

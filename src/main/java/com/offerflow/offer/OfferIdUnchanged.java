package com.offerflow.offer;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** A draft keeps its offer's id: the id is fixed when the offer is created. Reported on {@code offerId}. */
@Documented
@Constraint(validatedBy = OfferIdUnchanged.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface OfferIdUnchanged {

    String message() default "{offerflow.offerIdUnchanged}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OfferIdUnchanged, DraftChange> {

        @Override
        public boolean isValid(DraftChange value, ConstraintValidatorContext context) {
            if (value == null || value.draft() == null || value.offerId().equals(value.draft().offerId())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("offerId").addConstraintViolation();
            return false;
        }
    }
}

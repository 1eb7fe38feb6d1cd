package com.offerflow.offer;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.Set;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** No two plans of an offer share a plan id. Reported on the duplicate plan's {@code planId}. */
@Documented
@Constraint(validatedBy = UniquePlanIds.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface UniquePlanIds {

    String message() default "{offerflow.uniquePlanIds}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<UniquePlanIds, OfferDocument> {

        @Override
        public boolean isValid(OfferDocument offer, ConstraintValidatorContext context) {
            if (offer == null || offer.plans() == null) {
                return true;
            }
            Set<String> seen = new HashSet<>();
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            for (int i = 0; i < offer.plans().size(); i++) {
                Plan plan = offer.plans().get(i);
                if (plan != null && plan.planId() != null && !seen.add(plan.planId())) {
                    context.buildConstraintViolationWithTemplate("{offerflow.uniquePlanIds}")
                            .addPropertyNode("plans").addPropertyNode("planId").inIterable().atIndex(i)
                            .addConstraintViolation();
                    valid = false;
                }
            }
            return valid;
        }
    }
}

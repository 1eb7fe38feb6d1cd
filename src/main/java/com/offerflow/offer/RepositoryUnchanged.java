package com.offerflow.offer;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Objects;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A draft of a live offer keeps the live version's repository name: customers pull from it. Reported on
 * {@code technicalConfiguration.repositoryName}; valid for an offer that is not live.
 */
@Documented
@Constraint(validatedBy = RepositoryUnchanged.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface RepositoryUnchanged {

    String message() default "{offerflow.repositoryUnchanged}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<RepositoryUnchanged, DraftChange> {

        @Override
        public boolean isValid(DraftChange value, ConstraintValidatorContext context) {
            if (value == null || value.live() == null || value.draft() == null
                    || value.draft().technicalConfiguration() == null) {
                return true;
            }
            String live = value.live().technicalConfiguration().repositoryName();
            if (Objects.equals(live, value.draft().technicalConfiguration().repositoryName())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // the live name passed the repository pattern: no braces or '$' that could be interpolated
            context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("repository", live);
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("technicalConfiguration").addPropertyNode("repositoryName")
                    .addConstraintViolation();
            return false;
        }
    }
}

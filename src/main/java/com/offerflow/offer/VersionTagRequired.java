package com.offerflow.offer;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Objects;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * The technical configuration's tags include a version tag ({@code X.Y} or {@code X.Y.Z}): {@code latest} alone, or
 * any other tags without a version, are not accepted. Reported on the {@code tags} field.
 */
@Documented
@Constraint(validatedBy = VersionTagRequired.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface VersionTagRequired {

    String message() default "{offerflow.versionTag}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<VersionTagRequired, TechnicalConfiguration> {

        @Override
        public boolean isValid(TechnicalConfiguration value, ConstraintValidatorContext context) {
            if (value == null || value.tags() == null || value.tags().isEmpty()) {
                return true; // @NotEmpty reports the missing tags
            }
            if (value.tags().stream().filter(Objects::nonNull)
                    .anyMatch(tag -> tag.matches(TechnicalConfiguration.VERSION_TAG_PATTERN))) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("tags").addConstraintViolation();
            return false;
        }
    }
}

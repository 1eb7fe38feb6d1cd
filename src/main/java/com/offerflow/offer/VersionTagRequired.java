package com.offerflow.offer;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.Objects;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * The technical configuration's tags include a version tag ({@code X.Y} or {@code X.Y.Z}) and no tag twice. Reported
 * on the {@code tags} field.
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
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            if (value.tags().stream().filter(Objects::nonNull)
                    .noneMatch(tag -> tag.matches(TechnicalConfiguration.VERSION_TAG_PATTERN))) {
                context.buildConstraintViolationWithTemplate("{offerflow.versionTag}")
                        .addPropertyNode("tags").addConstraintViolation();
                valid = false;
            }
            if (new HashSet<>(value.tags()).size() != value.tags().size()) {
                context.buildConstraintViolationWithTemplate("{offerflow.uniqueTags}")
                        .addPropertyNode("tags").addConstraintViolation();
                valid = false;
            }
            return valid;
        }
    }
}

package com.offerflow.offer;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A repository in an OCI registry: {@code https://host[:port]/<repository path>}, where the path is lowercase
 * components as in {@link TechnicalConfiguration#REPOSITORY_PATTERN}; no tag or digest (the tags are the
 * configuration's), no user info, query or fragment. {@code http://} has the right shape: whether a plain-HTTP
 * registry is contacted is the marketplace's setting, checked when a publication starts. Null is valid.
 */
@Documented
@Constraint(validatedBy = RegistryRepositoryUrl.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface RegistryRepositoryUrl {

    String message() default "{offerflow.registryRepository}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<RegistryRepositoryUrl, String> {

        private static final java.util.regex.Pattern PATH =
                java.util.regex.Pattern.compile("/" + TechnicalConfiguration.REPOSITORY_PATTERN);

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                URI uri = new URI(value);
                return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                        && uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawQuery() == null
                        && uri.getRawFragment() == null && uri.getRawPath() != null
                        && PATH.matcher(uri.getRawPath()).matches();
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}

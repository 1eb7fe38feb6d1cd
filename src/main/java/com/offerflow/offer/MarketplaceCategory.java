package com.offerflow.offer;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** One of the marketplace's categories, spelled as in {@link #CATEGORIES}. */
@Documented
@Constraint(validatedBy = MarketplaceCategory.Validator.class)
@Target({FIELD, TYPE_USE})
@Retention(RUNTIME)
public @interface MarketplaceCategory {

    /** The categories of the Azure Marketplace that container offers are listed under. */
    List<String> CATEGORIES = List.of(
            "ai-machine-learning", "analytics", "blockchain", "compute", "containers", "databases",
            "developer-tools", "devops", "identity", "integration", "internet-of-things", "it-management-tools",
            "media", "migration", "monitoring-diagnostics", "networking", "security", "storage", "web");

    String message() default "{offerflow.category}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MarketplaceCategory, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || CATEGORIES.contains(value);
        }
    }
}

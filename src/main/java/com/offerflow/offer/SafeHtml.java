package com.offerflow.offer;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jsoup.Jsoup;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * Text that may carry the marketplace's formatting HTML and nothing else: the tags of jsoup's {@link Safelist#basic()}
 * (paragraphs, line breaks, lists, emphasis, code, quotes and links), links to {@code https:} and {@code mailto:}
 * only. Scripts, styles, frames, images, forms, event handler attributes and {@code javascript:} links are refused.
 * Plain text is valid as it is. Null is valid (combine with {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = SafeHtml.Validator.class)
@Target({FIELD, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface SafeHtml {

    /** The tags that {@link SafeHtml} allows, for the suggestion shown with a refused description. */
    String ALLOWED_TAGS = "a, b, blockquote, br, cite, code, dd, dl, dt, em, i, li, ol, p, pre, q, small, span,"
            + " strike, strong, sub, sup, u, ul";

    String message() default "{offerflow.safeHtml}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SafeHtml, String> {

        private static final Safelist SAFELIST = Safelist.basic()
                .removeProtocols("a", "href", "ftp", "http")
                .removeProtocols("blockquote", "cite", "http")
                .removeProtocols("cite", "cite", "http");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.indexOf('<') < 0) {
                return true;
            }
            // valid when cleaning would discard nothing: every element and attribute is on the safelist
            return new Cleaner(SAFELIST).isValid(Jsoup.parseBodyFragment(value));
        }
    }
}

package com.offerflow.offer;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * Text shown as is (names, summaries, plan names): no markup and no control characters (nor bidi overrides). A {@code <} that would open
 * a tag, a comment or a declaration in a browser ({@code <b}, {@code </}, {@code <!}, {@code <?}) is refused, so
 * the text can never turn into HTML or script wherever it is shown; {@code a < b} stays allowed. Tabs and line
 * breaks are allowed where {@link #multiline()} is true. Null is valid (combine with {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {

    String message() default "{offerflow.plainText}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Whether tabs and line breaks are allowed. */
    boolean multiline() default false;

    class Validator implements ConstraintValidator<PlainText, String> {

        private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z/!?]");

        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            this.multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (MARKUP.matcher(value).find()) {
                return false;
            }
            return value.codePoints().noneMatch(c -> isControl(c) && !(multiline && (c == '\t' || c == '\n' || c == '\r')));
        }

        private static boolean isControl(int c) {
            // C0/C1 controls, the line and paragraph separators, and the bidi embeddings, overrides and isolates
            // that make text read differently from what it is
            return Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                    || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
        }
    }
}

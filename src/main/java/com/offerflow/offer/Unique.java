package com.offerflow.offer;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * No two entries of a list of records share the value of {@link #property()}, e.g. two plans the same
 * {@code planId}. Each repeated entry is reported on its own property ({@code plans[2].planId}), the first one
 * stays valid. Null entries and null values are left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = Unique.Validator.class)
@Target({FIELD, RECORD_COMPONENT})
@Retention(RUNTIME)
@Repeatable(Unique.List.class)
public @interface Unique {

    String message() default "{offerflow.unique}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The record component that must differ between entries. */
    String property();

    /** Whether values that differ only in letter case count as the same (GUIDs, e-mail addresses). */
    boolean ignoreCase() default false;

    @Documented
    @Target({FIELD, RECORD_COMPONENT})
    @Retention(RUNTIME)
    @interface List {
        Unique[] value();
    }

    class Validator implements ConstraintValidator<Unique, java.util.List<? extends Record>> {

        private static final Map<String, Method> ACCESSORS = new ConcurrentHashMap<>();

        private String property;
        private boolean ignoreCase;

        @Override
        public void initialize(Unique annotation) {
            this.property = annotation.property();
            this.ignoreCase = annotation.ignoreCase();
        }

        @Override
        public boolean isValid(java.util.List<? extends Record> entries, ConstraintValidatorContext context) {
            if (entries == null) {
                return true;
            }
            Set<Object> seen = new HashSet<>();
            boolean valid = true;
            for (int i = 0; i < entries.size(); i++) {
                Object value = entries.get(i) == null ? null : valueOf(entries.get(i));
                if (value == null) {
                    continue;
                }
                if (!seen.add(ignoreCase ? value.toString().toLowerCase(Locale.ROOT) : value)) {
                    if (valid) {
                        context.disableDefaultConstraintViolation();
                    }
                    context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                            .addPropertyNode(property).inIterable().atIndex(i)
                            .addConstraintViolation();
                    valid = false;
                }
            }
            return valid;
        }

        private Object valueOf(Record entry) {
            Method accessor = ACCESSORS.computeIfAbsent(entry.getClass().getName() + "#" + property,
                    key -> accessor(entry.getClass(), property));
            try {
                return accessor.invoke(entry);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read " + property + " of " + entry.getClass().getName(), e);
            }
        }

        private static Method accessor(Class<?> type, String property) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals(property)) {
                    return component.getAccessor();
                }
            }
            throw new IllegalArgumentException(type.getName() + " has no component " + property);
        }
    }
}

package com.offerflow.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a constraint violation into a {@link FieldError} with a suggestion of what to do, from
 * {@code suggestions.properties}: the most specific of {@code <Rule>.<field>}, {@code <Rule>.<kind>} (text or list)
 * and {@code <Rule>} wins; {@code {max}}-style placeholders take the constraint's attributes.
 */
@Component
public class Suggestions {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final Properties suggestions;

    public Suggestions() {
        try {
            this.suggestions = PropertiesLoaderUtils.loadProperties(new ClassPathResource("suggestions.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FieldError fieldError(ConstraintViolation<?> violation, String pathPrefix) {
        String rule = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        String field = pathPrefix + fieldPath(violation.getPropertyPath());
        Object value = violation.getInvalidValue();
        String kind = value instanceof Collection<?> ? "list" : "text";
        String template = first(rule + "." + leaf(violation.getPropertyPath()), rule + "." + kind, rule);
        String suggestion = template == null ? null : fill(template, violation.getConstraintDescriptor().getAttributes());
        return new FieldError(field, rule, violation.getMessage(), suggestion);
    }

    /**
     * {@code plans[0].regions[1]}, without Bean Validation's {@code <list element>} nodes, and without the method and
     * parameter nodes of method validation (a body's paths start at its own fields; a violation on a parameter
     * itself has an empty path).
     */
    static String fieldPath(Path path) {
        StringBuilder result = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.PARAMETER || node.getKind() == ElementKind.CROSS_PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null) {
                result.append('[').append(node.getIndex()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (!result.isEmpty()) {
                    result.append('.');
                }
                result.append(name);
            }
        }
        return result.toString();
    }

    private static String leaf(Path path) {
        String leaf = "";
        for (Path.Node node : path) {
            if (node.getName() != null && !node.getName().startsWith("<")
                    && (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER)) {
                leaf = node.getName();
            }
        }
        return leaf;
    }

    /** The suggestion of a rule that is not a constraint (a finding of an image or a registry), if there is one. */
    public String forRule(String rule) {
        return suggestions.getProperty(rule);
    }

    private String first(String... keys) {
        for (String key : keys) {
            String value = suggestions.getProperty(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String fill(String template, Map<String, Object> attributes) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            Object value = attributes.get(matcher.group(1));
            matcher.appendReplacement(result, Matcher.quoteReplacement(value == null ? matcher.group() : value.toString()));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}

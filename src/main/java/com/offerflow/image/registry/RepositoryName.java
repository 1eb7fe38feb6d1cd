package com.offerflow.image.registry;

import java.util.regex.Pattern;

/**
 * A repository name as the OCI distribution spec defines it: lowercase path components of letters and digits
 * joined by {@code .}, {@code _}, {@code __} or dashes, separated by {@code /}. Bounded here to 255 characters and
 * 128 per component, so that a name is always safe as a relative path under a store: no {@code ..}, no empty or
 * absolute component, no encoded characters.
 */
public final class RepositoryName {

    public static final int MAX_LENGTH = 255;
    public static final int MAX_COMPONENT_LENGTH = 128;
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");

    private RepositoryName() {
    }

    public static boolean isValid(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        for (String component : name.split("/", -1)) {
            if (component.length() > MAX_COMPONENT_LENGTH || !COMPONENT.matcher(component).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The first path component (an organisation, a region or {@code preview}). */
    public static String first(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }
}

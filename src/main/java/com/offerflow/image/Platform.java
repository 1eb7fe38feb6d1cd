package com.offerflow.image;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The platform of an image manifest, as an index descriptor or an image config states it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Platform(
        @JsonProperty("architecture") String architecture,
        @JsonProperty("os") String os,
        @JsonProperty("variant") String variant,
        @JsonProperty("os.version") String osVersion) {

    public static final Platform LINUX_AMD64 = new Platform("amd64", "linux", null, null);

    public static Platform of(String os, String architecture) {
        return new Platform(architecture, os, null, null);
    }

    /** Parses {@code os/arch} or {@code os/arch/variant}. */
    public static Platform parse(String value) {
        String[] parts = value.split("/", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("not os/arch[/variant]: " + value);
        }
        return new Platform(parts[1], parts[0], parts.length == 3 ? parts[2] : null, null);
    }

    /** True when os and architecture are equal, and the variant too where this one names it. */
    public boolean matches(Platform other) {
        if (other == null) {
            return false;
        }
        return eq(os, other.os) && eq(architecture, other.architecture)
                && (variant == null || eq(variant, other.variant));
    }

    @JsonIgnore
    public String text() {
        return os + "/" + architecture + (variant == null || variant.isEmpty() ? "" : "/" + variant);
    }

    @Override
    public String toString() {
        return text();
    }

    private static boolean eq(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}

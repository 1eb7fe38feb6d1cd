package com.offerflow.scanner.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a check found something: the layer (digest, and its position 0.. in the manifest), the path inside the
 * layer (as the tar entry names it, without a leading {@code ./}) and a plain-words detail. Each part may be null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(String layer, Integer layerIndex, String path, String detail) {

    public static Evidence of(String detail) {
        return new Evidence(null, null, null, detail);
    }

    public static Evidence path(String path, String detail) {
        return new Evidence(null, null, path, detail);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (layerIndex != null) {
            b.append("layer ").append(layerIndex + 1);
            if (layer != null) {
                b.append(" (").append(layer.length() > 19 ? layer.substring(0, 19) : layer).append(')');
            }
        } else if (layer != null) {
            b.append(layer);
        }
        if (path != null) {
            b.append(b.length() > 0 ? " " : "").append('/').append(path);
        }
        if (detail != null) {
            b.append(b.length() > 0 ? ": " : "").append(detail);
        }
        return b.toString();
    }
}

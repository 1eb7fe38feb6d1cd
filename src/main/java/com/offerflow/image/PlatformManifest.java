package com.offerflow.image;

import java.util.ArrayList;
import java.util.List;

/**
 * An image manifest found in an image, with the platform its index states (null when no index states one; the
 * config then tells) and the tags that lead to it.
 */
public record PlatformManifest(Descriptor descriptor, ImageManifest manifest, Platform platform, List<String> tags) {

    public PlatformManifest {
        tags = List.copyOf(tags);
    }

    PlatformManifest withTag(String tag) {
        if (tag == null || tags.contains(tag)) {
            return this;
        }
        List<String> more = new ArrayList<>(tags);
        more.add(tag);
        return new PlatformManifest(descriptor, manifest, platform, more);
    }
}

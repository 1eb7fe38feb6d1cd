package com.offerflow.scanner.facts;

/**
 * A layer entry whose path or type is suspicious.
 *
 * @param layer the layer
 * @param kind  what is suspicious
 * @param path  the entry's name: as the tar states it for {@code ABSOLUTE} and {@code TRAVERSAL}, else normalized
 * @param other what the kind needs to be told: the hard link's target, the symbolic link's path, the device's kind
 *              ({@code character} or {@code block}), the whiteout limit; else null
 */
public record PathIssue(LayerId layer, Kind kind, String path, String other) {

    public enum Kind {
        /** The name starts with {@code /}. */
        ABSOLUTE,
        /** The name has a {@code ..} component. */
        TRAVERSAL,
        /** A hard link to an absolute path or through {@code ..}. */
        HARD_LINK_OUTSIDE,
        /** Written under a symbolic link that the same layer made. */
        THROUGH_OWN_SYMLINK,
        /** Written under a symbolic link that an earlier layer made. */
        THROUGH_EARLIER_SYMLINK,
        /** A character or block device node. */
        DEVICE_NODE,
        /** More whiteouts than the scanner tracks: later ones were not taken into account. */
        TOO_MANY_WHITEOUTS
    }
}

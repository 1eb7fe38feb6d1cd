package com.offerflow.offer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An Azure subscription that may see the offer's preview before it goes live. */
public record PreviewSubscription(
        @NotNull @Pattern(regexp = GUID_PATTERN, message = "{offerflow.guid}")
        String subscriptionId,
        @Size(max = 200) @PlainText String description) {

    /** A subscription id: a GUID in its 8-4-4-4-12 hexadecimal form. */
    public static final String GUID_PATTERN =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
}

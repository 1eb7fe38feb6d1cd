package com.offerflow.offer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.UniqueElements;

import java.util.List;

/**
 * What customers see of an offer in the marketplace. Names and the summary are plain text; the description may
 * use the marketplace's formatting HTML ({@link SafeHtml}).
 */
public record Listing(
        @NotBlank @Size(max = 200) @PlainText String name,
        @NotBlank @Size(max = 100) @PlainText String searchSummary,
        @NotBlank @Size(max = 5000) @SafeHtml String description,
        @NotNull @Size(max = 2000) @HttpsUrl String privacyPolicyUrl,
        @NotNull @Valid Contact supportContact,
        @NotNull @Valid Contact engineeringContact,
        @NotEmpty @Size(max = 2) @UniqueElements List<@NotNull @MarketplaceCategory String> categories) {

    /** A person the marketplace can reach about the offer. */
    public record Contact(
            @NotBlank @Size(max = 100) @PlainText String name,
            @NotBlank @Size(max = 254) @Email @PlainText String email) {
    }
}

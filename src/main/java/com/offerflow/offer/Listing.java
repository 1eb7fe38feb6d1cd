package com.offerflow.offer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What customers see of an offer in the marketplace. */
public record Listing(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String searchSummary,
        @NotBlank @Size(max = 5000) String description,
        @NotNull @Size(max = 2000) @HttpsUrl String privacyPolicyUrl,
        @NotNull @Valid Contact supportContact,
        @NotNull @Valid Contact engineeringContact,
        @NotEmpty @Size(max = 2) List<@NotNull @MarketplaceCategory String> categories) {

    /** A person the marketplace can reach about the offer. */
    public record Contact(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 254) @Email String email) {
    }
}

package com.offerflow.offer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A container offer as its publisher edits it, shaped after the Azure Marketplace container offer: listing, preview
 * audience, plans, technical configuration and lead management. Every constraint here is checked on save, and all
 * violations come back at once (see {@code com.offerflow.web.ApiExceptionHandler}).
 */
@UniquePlanIds
public record OfferDocument(
        @NotNull @Size(min = 1, max = 50) @Pattern(regexp = ID_PATTERN, message = "{offerflow.offerId.pattern}")
        String offerId,
        @NotNull @Valid Listing listing,
        @Size(max = 100) List<@NotNull @Valid PreviewSubscription> previewAudience,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid Plan> plans,
        @NotNull @Valid TechnicalConfiguration technicalConfiguration,
        @NotNull @Valid LeadManagement leadManagement) {

    /** Offer and plan ids: lowercase letters, digits, '-' and '_'. */
    public static final String ID_PATTERN = "[a-z0-9_-]+";

    public OfferDocument {
        previewAudience = previewAudience == null ? List.of() : previewAudience;
    }
}

package com.offerflow.offer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A container offer as its publisher edits it, shaped after the Azure Marketplace container offer: listing, preview
 * audience, plans, technical configuration and lead management. Every constraint of the default group is checked on
 * save, those of {@link Prerequisites} when a publication starts (step 1), and all violations come back at once,
 * each with its field path (see {@code com.offerflow.web.ApiExceptionHandler}).
 */
public record OfferDocument(
        @NotNull @Size(min = 1, max = 50) @Pattern(regexp = ID_PATTERN, message = "{offerflow.offerId.pattern}")
        String offerId,
        @NotNull @Valid Listing listing,
        @Size(max = 100) @Unique(property = "subscriptionId", ignoreCase = true)
        @PreviewAudienceRequired(groups = Prerequisites.class)
        List<@NotNull @Valid PreviewSubscription> previewAudience,
        @NotEmpty @Size(max = 20) @Unique(property = "planId") @Unique(property = "name", ignoreCase = true)
        List<@NotNull @Valid Plan> plans,
        @NotNull @Valid TechnicalConfiguration technicalConfiguration,
        @NotNull @Valid LeadManagement leadManagement) {

    /** Offer and plan ids: lowercase letters, digits, '-' and '_'. */
    public static final String ID_PATTERN = "[a-z0-9_-]+";

    public OfferDocument {
        previewAudience = previewAudience == null ? List.of() : previewAudience;
    }
}

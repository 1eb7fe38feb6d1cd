package com.offerflow.demo;

import com.offerflow.offer.LeadManagement;
import com.offerflow.offer.Listing;
import com.offerflow.offer.OfferDocument;
import com.offerflow.offer.Plan;
import com.offerflow.offer.PreviewSubscription;
import com.offerflow.offer.TechnicalConfiguration;

import java.util.List;

/**
 * The sample offer of the README's walkthrough, and its image ({@link #IMAGE_RESOURCE}): a small web server image
 * for linux/amd64 that passes certification: a non-root user, the required labels, a license file, and a dpkg
 * database with two packages. The tests build the same image ({@code SampleImage}) and check that the resource is
 * it.
 */
public final class SampleOffer {

    public static final String OFFER_ID = "contoso-web";
    public static final String VERSION = "1.0.0";
    /** The sample image as an oci-archive on the classpath, tagged {@value #VERSION} and {@code latest}. */
    public static final String IMAGE_RESOURCE = "demo/" + OFFER_ID + "-" + VERSION + ".tar";

    private SampleOffer() {
    }

    public static OfferDocument document() {
        return document(OFFER_ID);
    }

    public static OfferDocument document(String offerId) {
        return new OfferDocument(offerId,
                new Listing("Contoso Web Server", "A hardened web server for static sites",
                        "Contoso Web Server serves static sites over HTTP with a small, non-root footprint.",
                        "https://contoso.example/privacy",
                        new Listing.Contact("Contoso Support", "support@contoso.example"),
                        new Listing.Contact("Contoso Engineering", "engineering@contoso.example"),
                        List.of("web", "containers")),
                List.of(new PreviewSubscription("3f2504e0-4f89-11d3-9a0c-0305e82c3301", "Contoso QA")),
                List.of(new Plan("standard", "Standard", List.of("westeurope", "eastus"))),
                new TechnicalConfiguration("contoso/" + offerId, List.of(VERSION, "latest")),
                new LeadManagement.None());
    }
}

package com.offerflow.demo;

import com.offerflow.image.OciImageBuilder;
import com.offerflow.offer.LeadManagement;
import com.offerflow.offer.Listing;
import com.offerflow.offer.OfferDocument;
import com.offerflow.offer.Plan;
import com.offerflow.offer.PreviewSubscription;
import com.offerflow.offer.TechnicalConfiguration;

import java.util.List;

/**
 * The sample offer of the README's walkthrough, and its image, made here (no download): a small web server image
 * for linux/amd64 that passes certification: a non-root user, the required labels, a license file, and a dpkg
 * database with two packages.
 */
public final class SampleOffer {

    public static final String OFFER_ID = "contoso-web";
    public static final String VERSION = "1.0.0";

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

    /** The sample image, tagged {@value #VERSION} and {@code latest}. */
    public static OciImageBuilder image() {
        return OciImageBuilder.image()
                .platform("linux", "amd64")
                .user("1000:1000")
                .label("name", "contoso-web")
                .label("vendor", "Contoso")
                .label("version", VERSION)
                .label("release", "1")
                .label("summary", "Contoso Web Server")
                .label("description", "A hardened web server for static sites")
                .label("licenses", "MIT")
                .label("org.opencontainers.image.title", "contoso-web")
                .label("org.opencontainers.image.vendor", "Contoso")
                .label("org.opencontainers.image.version", VERSION)
                .label("org.opencontainers.image.description", "A hardened web server for static sites")
                .label("org.opencontainers.image.licenses", "MIT")
                .entrypoint("/usr/bin/contoso-web")
                .layer(layer -> layer
                        .createdBy("base system")
                        .dir("etc")
                        .file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/sbin/nologin\n")
                        .file("etc/group", "root:x:0:\napp:x:1000:\n")
                        .dir("var/lib/dpkg")
                        .file("var/lib/dpkg/status", """
                                Package: base-files
                                Status: install ok installed
                                Architecture: amd64
                                Version: 12.4+deb12u5

                                Package: zlib1g
                                Status: install ok installed
                                Architecture: amd64
                                Source: zlib
                                Version: 1:1.2.13.dfsg-1

                                """))
                .layer(layer -> layer
                        .createdBy("contoso-web " + VERSION)
                        .file("usr/bin/contoso-web", "#!/bin/sh\necho 'Contoso Web Server'\n", 0755)
                        .file("usr/share/contoso-web/index.html", "<h1>Contoso</h1>\n")
                        .file("licenses/LICENSE", "MIT License\n\nCopyright (c) Contoso\n"))
                .tag(VERSION)
                .tag("latest");
    }
}

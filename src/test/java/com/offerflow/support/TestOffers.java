package com.offerflow.support;

import com.offerflow.demo.SampleImage;
import com.offerflow.demo.SampleOffer;
import com.offerflow.identity.Caller;
import com.offerflow.identity.Groups;
import com.offerflow.image.OciImageBuilder;
import com.offerflow.offer.Offer;
import com.offerflow.offer.OfferDocument;
import com.offerflow.offer.OfferService;

import java.io.ByteArrayInputStream;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Offers for tests: the sample offer under a fresh id, owned by alice (contoso), with the sample image. */
public final class TestOffers {

    public static final Caller ALICE = new Caller("alice", Set.of(Groups.publisherGroup("contoso")));
    public static final Caller BOB = new Caller("bob", Set.of(Groups.publisherGroup("fabrikam")));

    private TestOffers() {
    }

    public static String newOfferId() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates the sample offer (changed by {@code edit}) as alice and uploads {@code image}. */
    public static Offer create(OfferService offers, UnaryOperator<OfferDocument> edit, OciImageBuilder image) {
        OfferDocument document = edit.apply(SampleOffer.document(newOfferId()));
        Offer offer = offers.create(ALICE, document);
        if (image != null) {
            offer = offers.uploadImage(ALICE, offer.offerId(), new ByteArrayInputStream(image.toArchiveBytes()));
        }
        return offer;
    }

    public static Offer create(OfferService offers) {
        return create(offers, UnaryOperator.identity(), SampleImage.image());
    }
}

package com.offerflow.offer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.offerflow.demo.SampleOffer;

import java.util.function.Consumer;

/** The sample offer as a JSON tree that tests change field by field, as a client would write it. */
public final class OfferJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OfferJson() {
    }

    /** The sample offer under {@code offerId}, changed by {@code edit}. */
    public static ObjectNode sample(String offerId, Consumer<ObjectNode> edit) {
        ObjectNode offer = JSON.valueToTree(SampleOffer.document(offerId));
        edit.accept(offer);
        return offer;
    }

    public static ObjectNode sample(String offerId) {
        return sample(offerId, offer -> { });
    }

    /** The sample offer (id {@code contoso-web}) changed by {@code edit}, as the API would bind it. */
    public static OfferDocument document(Consumer<ObjectNode> edit) {
        try {
            return JSON.treeToValue(sample(SampleOffer.OFFER_ID, edit), OfferDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static ObjectNode listing(ObjectNode offer) {
        return (ObjectNode) offer.get("listing");
    }

    public static ObjectNode plan(ObjectNode offer, int index) {
        return (ObjectNode) offer.get("plans").get(index);
    }

    public static ObjectNode technical(ObjectNode offer) {
        return (ObjectNode) offer.get("technicalConfiguration");
    }

    public static ArrayNode array(Object... values) {
        ArrayNode array = JSON.createArrayNode();
        for (Object value : values) {
            array.add(JSON.valueToTree(value));
        }
        return array;
    }

    /** A preview subscription entry. */
    public static ObjectNode subscription(String id, String description) {
        ObjectNode subscription = JSON.createObjectNode().put("subscriptionId", id);
        if (description != null) {
            subscription.put("description", description);
        }
        return subscription;
    }

    public static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }
}

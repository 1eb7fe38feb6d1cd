package com.offerflow.offer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.offerflow.demo.SampleOffer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.offerflow.offer.OfferJson.array;
import static com.offerflow.offer.OfferJson.listing;
import static com.offerflow.offer.OfferJson.plan;
import static com.offerflow.offer.OfferJson.technical;
import static org.assertj.core.api.Assertions.assertThat;

/** The diff of a draft against the live version: one entry per changed field, with both values. */
class OfferChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode LIVE = OfferJson.sample(SampleOffer.OFFER_ID);

    @Test
    void anUnchangedDraftHasNoChanges() {
        assertThat(OfferChanges.between(LIVE, OfferJson.sample(SampleOffer.OFFER_ID))).isEmpty();
    }

    @Test
    void changedFieldsComeWithTheirPathAndBothValues() {
        ObjectNode draft = OfferJson.sample(SampleOffer.OFFER_ID, o -> {
            listing(o).put("name", "Contoso Web Server 2");
            ((ObjectNode) listing(o).get("supportContact")).put("email", "help@contoso.example");
            technical(o).set("tags", array("1.1.0", "latest"));
        });
        assertThat(OfferChanges.between(LIVE, draft)).extracting(OfferChanges.Change::path, c -> text(c.live()),
                c -> text(c.draft())).containsExactly(
                org.assertj.core.groups.Tuple.tuple("listing.name", "\"Contoso Web Server\"", "\"Contoso Web Server 2\""),
                org.assertj.core.groups.Tuple.tuple("listing.supportContact.email", "\"support@contoso.example\"",
                        "\"help@contoso.example\""),
                org.assertj.core.groups.Tuple.tuple("technicalConfiguration.tags", "[\"1.0.0\",\"latest\"]",
                        "[\"1.1.0\",\"latest\"]"));
    }

    @Test
    void listsOfObjectsAreComparedEntryByEntry() {
        ObjectNode draft = OfferJson.sample(SampleOffer.OFFER_ID, o -> {
            plan(o, 0).set("regions", array("westeurope", "eastus", "southeastasia"));
            ((com.fasterxml.jackson.databind.node.ArrayNode) o.get("plans"))
                    .add(JSON.valueToTree(new Plan("premium", "Premium", List.of("eastus"))));
        });
        List<OfferChanges.Change> changes = OfferChanges.between(LIVE, draft);
        assertThat(changes).extracting(OfferChanges.Change::path).containsExactly("plans[0].regions", "plans[1]");
        assertThat(changes.get(1).live()).isNull();
        assertThat(changes.get(1).draft().path("planId").asText()).isEqualTo("premium");
    }

    @Test
    void aNewLeadDestinationShowsItsKindAndFields() {
        ObjectNode draft = OfferJson.sample(SampleOffer.OFFER_ID, o -> o.set("leadManagement", JSON.createObjectNode()
                .put("destination", "email").set("addresses", array("sales@contoso.example"))));
        assertThat(OfferChanges.between(LIVE, draft)).extracting(OfferChanges.Change::path, c -> text(c.live()),
                c -> text(c.draft())).containsExactly(
                org.assertj.core.groups.Tuple.tuple("leadManagement.destination", "\"none\"", "\"email\""),
                org.assertj.core.groups.Tuple.tuple("leadManagement.addresses", null, "[\"sales@contoso.example\"]"));
    }

    private static String text(JsonNode node) {
        return node == null ? null : node.toString();
    }
}

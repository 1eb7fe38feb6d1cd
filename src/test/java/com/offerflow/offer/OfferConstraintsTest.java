package com.offerflow.offer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.offerflow.demo.SampleOffer;
import com.offerflow.web.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static com.offerflow.offer.OfferJson.array;
import static com.offerflow.offer.OfferJson.document;
import static com.offerflow.offer.OfferJson.listing;
import static com.offerflow.offer.OfferJson.plan;
import static com.offerflow.offer.OfferJson.repeat;
import static com.offerflow.offer.OfferJson.subscription;
import static com.offerflow.offer.OfferJson.technical;
import static com.offerflow.offer.OfferValidation.errors;
import static com.offerflow.offer.OfferValidation.problems;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of the offer's shape, as Bean Validation checks it on save (and again at step 1): each test breaks one
 * rule and expects exactly the field path and rule a publisher would see.
 */
class OfferConstraintsTest {

    @Test
    void sampleOfferIsValid() {
        assertThat(problems(SampleOffer.document())).isEmpty();
        assertThat(problems(SampleOffer.document(), jakarta.validation.groups.Default.class, Prerequisites.class))
                .isEmpty();
    }

    @Test
    void offerIdIsUpTo50LowercaseLettersDigitsDashesAndUnderscores() {
        assertThat(problems(document(o -> o.put("offerId", "contoso_web-2")))).isEmpty();
        assertThat(problems(document(o -> o.put("offerId", repeat('a', 50))))).isEmpty();
        assertThat(problems(document(o -> o.put("offerId", repeat('a', 51))))).containsExactly("offerId Size");
        assertThat(problems(document(o -> o.put("offerId", "Contoso Web")))).containsExactly("offerId Pattern");
        assertThat(problems(document(o -> o.put("offerId", "contoso.web")))).containsExactly("offerId Pattern");
        assertThat(problems(document(o -> o.remove("offerId")))).containsExactly("offerId NotNull");
    }

    @Test
    void listingTextsHaveTheMarketplaceLengths() {
        assertThat(problems(document(o -> listing(o).put("name", repeat('n', 200))
                .put("searchSummary", repeat('s', 100)).put("description", repeat('d', 5000))))).isEmpty();
        assertThat(problems(document(o -> listing(o).put("name", repeat('n', 201))
                .put("searchSummary", repeat('s', 101)).put("description", repeat('d', 5001)))))
                .containsExactly("listing.description Size", "listing.name Size", "listing.searchSummary Size");
        assertThat(problems(document(o -> listing(o).put("name", "  ").remove("searchSummary"))))
                .containsExactly("listing.name NotBlank", "listing.searchSummary NotBlank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://contoso.example/privacy", "javascript:alert(1)", "https://user@contoso.example/",
            "contoso.example/privacy", "https:///privacy", "https://contoso.example/<script>"})
    void privacyPolicyUrlIsAnAbsoluteHttpsUrl(String url) {
        assertThat(problems(document(o -> listing(o).put("privacyPolicyUrl", url))))
                .containsExactly("listing.privacyPolicyUrl HttpsUrl");
    }

    @Test
    void contactsHaveANameAndAnEmailAddress() {
        assertThat(problems(document(o -> {
            ((ObjectNode) listing(o).get("supportContact")).put("name", "").put("email", "support-at-contoso");
            listing(o).remove("engineeringContact");
        }))).containsExactly("listing.engineeringContact NotNull", "listing.supportContact.email Email",
                "listing.supportContact.name NotBlank");
    }

    @Test
    void categoriesAreOneOrTwoMarketplaceCategories() {
        assertThat(problems(document(o -> listing(o).set("categories", array())))).containsExactly(
                "listing.categories NotEmpty");
        assertThat(problems(document(o -> listing(o).set("categories", array("web", "devops", "security")))))
                .containsExactly("listing.categories Size");
        assertThat(problems(document(o -> listing(o).set("categories", array("web", "gardening")))))
                .containsExactly("listing.categories[1] MarketplaceCategory");
        assertThat(problems(document(o -> listing(o).set("categories", array("web", "web")))))
                .containsExactly("listing.categories UniqueElements");
    }

    @Test
    void previewAudienceHasUpTo100DistinctSubscriptionGuids() {
        assertThat(problems(document(o -> o.set("previewAudience", subscriptions(100))))).isEmpty();
        assertThat(problems(document(o -> o.set("previewAudience", subscriptions(101)))))
                .containsExactly("previewAudience Size");
        assertThat(problems(document(o -> o.set("previewAudience", array(
                subscription("3f2504e0-4f89-11d3-9a0c-0305e82c3301", "QA"),
                subscription("3F2504E0-4F89-11D3-9A0C-0305E82C3301", "the same, in capitals"),
                subscription("not-a-guid", null),
                subscription("3f2504e04f8911d39a0c0305e82c3301", null),
                subscription("{3f2504e0-4f89-11d3-9a0c-0305e82c3302}", null),
                subscription("3f2504e0-4f89-11d3-9a0c-0305e82c3303", repeat('d', 201)))))))
                .containsExactly("previewAudience[1].subscriptionId Unique",
                        "previewAudience[2].subscriptionId Pattern", "previewAudience[3].subscriptionId Pattern",
                        "previewAudience[4].subscriptionId Pattern", "previewAudience[5].description Size");
    }

    @Test
    void previewAudienceMayBeEmptyInADraftButNotInAPublication() {
        OfferDocument offer = document(o -> o.set("previewAudience", array()));
        assertThat(problems(offer)).isEmpty();
        assertThat(problems(offer, jakarta.validation.groups.Default.class, Prerequisites.class))
                .containsExactly("previewAudience PreviewAudienceRequired");
    }

    @Test
    void plansAreOneToTwentyWithDistinctIdsAndNames() {
        assertThat(problems(document(o -> o.set("plans", array())))).containsExactly("plans NotEmpty");
        assertThat(problems(document(o -> o.set("plans", array(IntStream.range(0, 21)
                .mapToObj(i -> new Plan("plan-" + i, "Plan " + i, List.of("eastus"))).toArray())))))
                .containsExactly("plans Size");
        assertThat(problems(document(o -> o.set("plans", array(
                new Plan("standard", "Standard", List.of("eastus")),
                new Plan("standard", "Premium", List.of("eastus")),
                new Plan("premium", "STANDARD", List.of("eastus")),
                new Plan("Premium Plan", repeat('p', 51), List.of("eastus")))))))
                .containsExactly("plans[1].planId Unique", "plans[2].name Unique", "plans[3].name Size",
                        "plans[3].planId Pattern");
    }

    @Test
    void everyPlanIsSoldInDistinctConfiguredRegions() {
        assertThat(problems(document(o -> plan(o, 0).set("regions", array())))).containsExactly(
                "plans[0].regions NotEmpty");
        assertThat(problems(document(o -> plan(o, 0).set("regions", array("eastus", "mars-north")))))
                .containsExactly("plans[0].regions[1] KnownRegion");
        assertThat(problems(document(o -> plan(o, 0).set("regions", array("eastus", "eastus")))))
                .containsExactly("plans[0].regions UniqueElements");
    }

    @Test
    void repositoryNameIsALowercaseRepositoryPath() {
        assertThat(problems(document(o -> technical(o).put("repositoryName", "contoso/web.server_2")))).isEmpty();
        assertThat(problems(document(o -> technical(o).put("repositoryName", "Contoso/Web"))))
                .containsExactly("technicalConfiguration.repositoryName Pattern");
        assertThat(problems(document(o -> technical(o).put("repositoryName", "contoso//web"))))
                .containsExactly("technicalConfiguration.repositoryName Pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://registry.contoso.example/contoso/web", "https://registry.example:8443/web",
            "http://127.0.0.1:5000/contoso/web-server_2"})
    void registryRepositoryIsARepositoryInARegistry(String url) {
        assertThat(problems(document(o -> technical(o).put("registryRepository", url)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"registry.contoso.example/contoso/web", "https://registry.contoso.example/contoso/web:1.0",
            "https://registry.contoso.example/contoso/web@sha256:0000", "https://registry.contoso.example/",
            "https://registry.contoso.example/Contoso/Web", "https://user:secret@registry.contoso.example/web",
            "https://registry.contoso.example/web?x=1", "ftp://registry.contoso.example/web", "https:///web"})
    void registryRepositoryWithATagOrOtherPartsIsRefused(String url) {
        List<FieldError> errors = errors(document(o -> technical(o).put("registryRepository", url)));
        assertThat(errors).extracting(e -> e.field() + " " + e.rule())
                .containsExactly("technicalConfiguration.registryRepository RegistryRepositoryUrl");
        assertThat(errors.get(0).suggestion()).contains("https://registry.contoso.example/contoso/web");
    }

    @Test
    void tagsAreOneToSixteenDistinctOciTagsWithAVersion() {
        assertThat(problems(document(o -> technical(o).set("tags", array("1.2"))))).isEmpty();
        assertThat(problems(document(o -> technical(o).set("tags", array("1.2.3", "stable", "latest"))))).isEmpty();
        assertThat(problems(document(o -> technical(o).set("tags", array()))))
                .containsExactly("technicalConfiguration.tags NotEmpty");
        assertThat(problems(document(o -> technical(o).set("tags", array(IntStream.range(0, 17)
                .mapToObj(i -> "1." + i).toArray()))))).containsExactly("technicalConfiguration.tags Size");
        assertThat(problems(document(o -> technical(o).set("tags", array("1.0", "1.0")))))
                .containsExactly("technicalConfiguration.tags UniqueElements");
        assertThat(problems(document(o -> technical(o).set("tags", array("1.0", "-rc", "has space")))))
                .containsExactly("technicalConfiguration.tags[1] Pattern", "technicalConfiguration.tags[2] Pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "stable", "v1.0", "1", "1.0.0.0", "1.0-rc1"})
    void latestAloneOrTagsWithoutAVersionAreRefused(String tag) {
        List<FieldError> errors = errors(document(o -> technical(o).set("tags", array(tag))));
        assertThat(errors).extracting(e -> e.field() + " " + e.rule())
                .containsExactly("technicalConfiguration.tags VersionTagRequired");
        assertThat(errors.get(0).message()).contains("X.Y or X.Y.Z").contains("'latest' alone");
    }

    @Test
    void leadDestinationIsCheckedByShape() {
        assertThat(problems(document(o -> o.set("leadManagement", OfferJson.sample("x").objectNode()
                .put("destination", "httpsEndpoint").put("url", "https://leads.contoso.example/api"))))).isEmpty();
        assertThat(problems(document(o -> o.set("leadManagement", OfferJson.sample("x").objectNode()
                .put("destination", "httpsEndpoint").put("url", "http://leads.contoso.example/api")))))
                .containsExactly("leadManagement.url HttpsUrl");
        assertThat(problems(document(o -> o.set("leadManagement", OfferJson.sample("x").objectNode()
                .put("destination", "httpsEndpoint"))))).containsExactly("leadManagement.url NotNull");
        assertThat(problems(document(o -> o.set("leadManagement", OfferJson.sample("x").objectNode()
                .put("destination", "email").set("addresses", array())))))
                .containsExactly("leadManagement.addresses NotEmpty");
        assertThat(problems(document(o -> o.set("leadManagement", OfferJson.sample("x").objectNode()
                .put("destination", "email").set("addresses", array("sales@contoso.example", "sales",
                        "sales@contoso.example"))))))
                .containsExactly("leadManagement.addresses UniqueElements", "leadManagement.addresses[1] Email");
        assertThat(problems(document(o -> o.set("leadManagement", OfferJson.sample("x").objectNode()
                .put("destination", "email").set("addresses", array(IntStream.range(0, 11)
                        .mapToObj(i -> "sales" + i + "@contoso.example").toArray()))))))
                .containsExactly("leadManagement.addresses Size");
        assertThat(problems(document(o -> o.remove("leadManagement")))).containsExactly("leadManagement NotNull");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "Contoso <b>Web</b>", "Contoso</title>", "<!-- x -->",
            "<?xml?>", "<img src=x onerror=alert(1)>", "Contoso\u0000Web", "Contoso\u202eWeb", "Line\nbreak"})
    void plainTextFieldsRefuseMarkupAndControlCharacters(String text) {
        assertThat(problems(document(o -> {
            listing(o).put("name", text).put("searchSummary", text);
            ((ObjectNode) listing(o).get("supportContact")).put("name", text);
            plan(o, 0).put("name", text);
            ((ObjectNode) o.get("previewAudience").get(0)).put("description", text);
        }))).containsExactly("listing.name PlainText", "listing.searchSummary PlainText",
                "listing.supportContact.name PlainText", "plans[0].name PlainText",
                "previewAudience[0].description PlainText");
    }

    @ParameterizedTest
    @ValueSource(strings = {"R&D < 2 > 1", "Tom's \"Web\" <3", "Contoso Web — ünïcødé 🚀", "a<1"})
    void plainTextAllowsTextThatMerelyContainsSpecialCharacters(String text) {
        assertThat(problems(document(o -> listing(o).put("name", text)))).isEmpty();
    }

    @Test
    void emailAddressesCannotSmuggleMarkup() {
        assertThat(problems(document(o -> ((ObjectNode) listing(o).get("supportContact"))
                .put("email", "\"<script>alert(1)</script>\"@contoso.example"))))
                .containsExactly("listing.supportContact.email PlainText");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<p>Fast &amp; small.</p><ul><li>non-root</li><li><b>signed</b></li></ul>",
            "See <a href=\"https://contoso.example/docs\">the docs</a> or <a href=\"mailto:a@contoso.example\">mail</a>.",
            "Plain text with R&D and a < b."})
    void descriptionMayUseFormattingHtml(String description) {
        assertThat(problems(document(o -> listing(o).put("description", description)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">docs</a>", "<a href=\"http://contoso.example\">docs</a>",
            "<p onclick=\"steal()\">hi</p>", "<iframe src=\"https://evil.example\"></iframe>",
            "<style>body{display:none}</style>", "<svg><script>alert(1)</script></svg>", "<!-- hidden -->",
            "<form action=\"https://evil.example\"><input name=p></form>"})
    void descriptionRefusesScriptsAndActiveContent(String description) {
        assertThat(problems(document(o -> listing(o).put("description", description))))
                .containsExactly("listing.description SafeHtml");
    }

    @Test
    void offerIdAndLiveRepositoryNameCannotChange() {
        OfferDocument live = SampleOffer.document();
        OfferDocument moved = document(o -> technical(o).put("repositoryName", "contoso/elsewhere"));
        assertThat(problems(new DraftChange(SampleOffer.OFFER_ID, moved, null))).isEmpty();
        List<FieldError> errors = errors(new DraftChange(SampleOffer.OFFER_ID, moved, live));
        assertThat(errors).extracting(e -> e.field() + " " + e.rule())
                .containsExactly("technicalConfiguration.repositoryName RepositoryUnchanged");
        assertThat(errors.get(0).message()).contains("'contoso/contoso-web'");

        assertThat(problems(new DraftChange("another-id", SampleOffer.document(), null)))
                .containsExactly("offerId OfferIdUnchanged");
    }

    @Test
    void everyProblemComesBackAtOnceWithItsPath() {
        OfferDocument offer = document(o -> {
            o.put("offerId", "Bad Id");
            listing(o).put("name", "<b>Contoso</b>").put("searchSummary", repeat('s', 101))
                    .put("privacyPolicyUrl", "http://contoso.example/privacy")
                    .set("categories", array("web", "gardening"));
            o.set("previewAudience", array(subscription("not-a-guid", null)));
            o.set("plans", array(new Plan("standard", "Standard", List.of("mars-north")),
                    new Plan("standard", "Standard 2", List.of())));
            technical(o).set("tags", array("latest"));
            o.set("leadManagement", OfferJson.sample("x").objectNode().put("destination", "email")
                    .set("addresses", array("not-an-address")));
        });
        List<FieldError> errors = errors(offer);
        assertThat(errors).extracting(e -> e.field() + " " + e.rule()).containsExactly(
                "leadManagement.addresses[0] Email",
                "listing.categories[1] MarketplaceCategory",
                "listing.name PlainText",
                "listing.privacyPolicyUrl HttpsUrl",
                "listing.searchSummary Size",
                "offerId Pattern",
                "plans[0].regions[0] KnownRegion",
                "plans[1].planId Unique",
                "plans[1].regions NotEmpty",
                "previewAudience[0].subscriptionId Pattern",
                "technicalConfiguration.tags VersionTagRequired");
        assertThat(errors).allSatisfy(error -> {
            assertThat(error.message()).isNotBlank();
            assertThat(error.suggestion()).isNotBlank();
        });
    }

    private static ArrayNode subscriptions(int count) {
        return array(IntStream.range(0, count).mapToObj(i -> subscription(UUID.randomUUID().toString(), null))
                .toArray());
    }
}

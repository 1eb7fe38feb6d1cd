package com.offerflow.security;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static com.offerflow.security.Case.row;

/**
 * The project's API, role by role: who reaches what, with the status each must get. Another organisation's offers
 * and publications answer 404, as if they did not exist; a role that may see but not act (an admin) gets 403.
 * Cross-organisation attempts are in {@link CrossOrganisationTest}.
 */
@SecurityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAccessMatrixTest extends AccessChecks {

    static Stream<Case> publicEndpoints() {
        return Stream.of(
                row(ANONYMOUS, "GET /api/catalog", 200),
                row(ANONYMOUS, "GET /api/catalog/{aliceOffer}", 404), // not live yet
                row(ANONYMOUS, "GET /api/regions", 200),
                row(ANONYMOUS, "GET /api/signing-keys", 200),
                row(ANONYMOUS, "GET /signatures/contoso/contoso-web@sha256=" + "0".repeat(64) + "/signature-1", 404),
                row(ANONYMOUS, "GET /actuator/health/liveness", 200),
                row(ANONYMOUS, "GET /actuator/health/readiness", 200),
                row(ALICE, "GET /api/catalog", 200),
                row(ANONYMOUS, "GET /actuator/env", 401),
                row(ALICE, "GET /actuator/env", 401),
                row(ANONYMOUS, "GET /api/nothing-here", 401),
                row(ANONYMOUS, "GET /somewhere-else", 401),
                row(ANONYMOUS, "POST /api/catalog", "{}", 401),
                row(ANONYMOUS, "POST /api/regions", "{}", 401),
                row(ANONYMOUS, "POST /api/signing-keys", "{}", 401),
                row(ANONYMOUS, "POST /signatures/contoso/contoso-web@sha256=" + "0".repeat(64) + "/signature-1", "{}",
                        401));
    }

    static Stream<Case> anonymous() {
        return Stream.of(
                row(ANONYMOUS, "GET /api/offers", 401),
                row(ANONYMOUS, "POST /api/offers", "{newOfferJson}", 401),
                row(ANONYMOUS, "GET /api/offers/{aliceOffer}", 401),
                row(ANONYMOUS, "PUT /api/offers/{aliceOffer}", "{aliceOfferJson}", 401),
                row(ANONYMOUS, "PUT /api/offers/{aliceOffer}/image", "not an archive", 401),
                row(ANONYMOUS, "GET /api/offers/{aliceOffer}/history", 401),
                row(ANONYMOUS, "GET /api/offers/{aliceOffer}/publications", 401),
                row(ANONYMOUS, "POST /api/offers/{aliceOffer}/publications", 401),
                row(ANONYMOUS, "GET /api/publications/{alicePublication}", 401),
                row(ANONYMOUS, "GET /api/publications/{alicePublication}/certification-report", 401),
                row(ANONYMOUS, "GET /api/publications/{alicePublication}/sbom", 401),
                row(ANONYMOUS, "GET /api/publications/{alicePublication}/preview", 401),
                row(ANONYMOUS, "POST /api/publications/{alicePublication}/go-live", 401),
                row(ANONYMOUS, "POST /api/publications/{alicePublication}/reject", "{\"comment\":\"no\"}", 401),
                row(ANONYMOUS, "POST /api/publications/{alicePublication}/cancel", 401),
                row(ANONYMOUS, "POST /api/publications/{aliceFindingsPublication}/resubmit", 401));
    }

    /** alice publishes for contoso: her organisation's offers and publications, nothing of fabrikam's. */
    static Stream<Case> publisher() {
        return Stream.of(
                row(ALICE, "GET /api/offers", 200).hiding("{bobOffer}"),
                row(ALICE, "GET /api/offers/{aliceOffer}", 200),
                row(ALICE, "GET /api/offers/{aliceOffer}/history", 200),
                row(ALICE, "GET /api/offers/{aliceOffer}/publications", 200),
                row(ALICE, "GET /api/publications/{alicePublication}", 200),
                row(ALICE, "GET /api/publications/{alicePublication}/certification-report", 200),
                row(ALICE, "GET /api/publications/{alicePublication}/sbom", 200),
                row(ALICE, "GET /api/publications/{alicePublication}/preview", 200),
                // one publication of an offer at a time: a second start is refused and starts nothing
                row(ALICE, "POST /api/offers/{aliceOffer}/publications", 409),
                // a comment is at most 2000 characters
                row(ALICE, "POST /api/publications/{alicePublication}/reject", "{\"comment\":\"" + "x".repeat(2001)
                        + "\"}", 400),
                row(ALICE, "POST /api/publications/{alicePublication}/resubmit", 409));
    }

    /** rachel reviews certifications: reports of every organisation, nothing else. */
    static Stream<Case> reviewer() {
        return Stream.of(
                row(RACHEL, "GET /api/offers", 200).hiding("{aliceOffer}", "{bobOffer}"),
                row(RACHEL, "POST /api/offers", "{newOfferJson}", 403),
                row(RACHEL, "GET /api/offers/{aliceOffer}", 404),
                row(RACHEL, "PUT /api/offers/{aliceOffer}", "{aliceOfferJson}", 404),
                row(RACHEL, "PUT /api/offers/{aliceOffer}/image", "not an archive", 404),
                row(RACHEL, "GET /api/offers/{aliceOffer}/history", 404),
                row(RACHEL, "POST /api/offers/{aliceOffer}/publications", 404),
                row(RACHEL, "GET /api/publications/{alicePublication}", 404),
                row(RACHEL, "GET /api/publications/{alicePublication}/certification-report", 200),
                row(RACHEL, "GET /api/publications/{alicePublication}/sbom", 200),
                row(RACHEL, "GET /api/publications/{alicePublication}/preview", 404),
                row(RACHEL, "POST /api/publications/{alicePublication}/go-live", 404),
                row(RACHEL, "POST /api/publications/{alicePublication}/reject", "{\"comment\":\"no\"}", 404),
                row(RACHEL, "POST /api/publications/{alicePublication}/cancel", 404),
                row(RACHEL, "POST /api/publications/{aliceFindingsPublication}/resubmit", 404));
    }

    /** oscar operates in Cockpit: the API's offers and publications are the publishers'. */
    static Stream<Case> operator() {
        return Stream.of(
                row(OSCAR, "GET /api/offers", 200).hiding("{aliceOffer}", "{bobOffer}"),
                row(OSCAR, "POST /api/offers", "{newOfferJson}", 403),
                row(OSCAR, "GET /api/offers/{aliceOffer}", 404),
                row(OSCAR, "PUT /api/offers/{aliceOffer}", "{aliceOfferJson}", 404),
                row(OSCAR, "GET /api/offers/{aliceOffer}/history", 404),
                row(OSCAR, "POST /api/offers/{aliceOffer}/publications", 404),
                row(OSCAR, "GET /api/publications/{alicePublication}", 404),
                row(OSCAR, "GET /api/publications/{alicePublication}/certification-report", 404),
                row(OSCAR, "GET /api/publications/{alicePublication}/sbom", 404),
                row(OSCAR, "GET /api/publications/{alicePublication}/preview", 404),
                row(OSCAR, "POST /api/publications/{alicePublication}/go-live", 404),
                row(OSCAR, "POST /api/publications/{alicePublication}/cancel", 404),
                row(OSCAR, "POST /api/publications/{aliceFindingsPublication}/resubmit", 404));
    }

    /** admin sees every organisation's offers and publications, and acts for none. */
    static Stream<Case> admin() {
        return Stream.of(
                row(ADMIN, "GET /api/offers", 200),
                row(ADMIN, "GET /api/offers/{aliceOffer}", 200),
                row(ADMIN, "GET /api/offers/{aliceOffer}/history", 200),
                row(ADMIN, "GET /api/publications/{alicePublication}", 200),
                row(ADMIN, "GET /api/publications/{alicePublication}/certification-report", 200),
                row(ADMIN, "GET /api/publications/{alicePublication}/sbom", 200),
                row(ADMIN, "GET /api/publications/{alicePublication}/preview", 200),
                row(ADMIN, "POST /api/offers", "{newOfferJson}", 403),
                row(ADMIN, "PUT /api/offers/{aliceOffer}", "{aliceOfferJson}", 403),
                row(ADMIN, "PUT /api/offers/{aliceOffer}/image", "not an archive", 403),
                row(ADMIN, "POST /api/offers/{aliceOffer}/publications", 403),
                row(ADMIN, "POST /api/publications/{alicePublication}/go-live", 403),
                row(ADMIN, "POST /api/publications/{alicePublication}/reject", "{\"comment\":\"no\"}", 403),
                row(ADMIN, "POST /api/publications/{alicePublication}/cancel", 403),
                row(ADMIN, "POST /api/publications/{aliceFindingsPublication}/resubmit", 403));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"publicEndpoints", "anonymous", "publisher", "reviewer", "operator", "admin"})
    void projectApi(Case row) {
        checkSent(row);
    }
}

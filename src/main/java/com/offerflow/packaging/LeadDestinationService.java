package com.offerflow.packaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerflow.network.PublicAddresses;
import com.offerflow.offer.LeadManagement;
import com.offerflow.process.ProcessVariables;
import com.offerflow.publication.Finding;
import com.offerflow.publication.PublicationContext;
import com.offerflow.publication.PublishingStep;
import com.offerflow.publication.StepOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sets up lead management for real: an HTTPS endpoint must accept a test lead (a JSON POST answered with 2xx);
 * e-mail destinations are recorded as validated by shape (no mail is sent from here). A destination that refuses is
 * a finding for the publisher, not a technical failure.
 */
@Service
public class LeadDestinationService {

    private static final Logger log = LoggerFactory.getLogger(LeadDestinationService.class);
    private static final PublishingStep STEP = PublishingStep.PACKAGING;

    private final LeadSettings settings;
    private final ObjectMapper json;
    private final HttpClient client;

    LeadDestinationService(LeadSettings settings, ObjectMapper json) throws IOException, GeneralSecurityException {
        this.settings = settings;
        this.json = json;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (settings.trustStore() != null) {
            builder.sslContext(sslContext(settings));
        }
        this.client = builder.build();
    }

    /** Step 3's lead management: the refusal as a finding, and {@code packaged} for the model's gateway. */
    public StepOutcome setUp(PublicationContext publication) {
        Optional<Finding> refused = connect(publication.publicationId(), publication.offer().offerId(),
                publication.offer().leadManagement());
        return new StepOutcome(STEP, refused.stream().toList(), Map.of(ProcessVariables.PACKAGED, refused.isEmpty()));
    }

    /** Connects the destination; a finding when it refuses, empty when it is ready. */
    public Optional<Finding> connect(String publicationId, String offerId, LeadManagement destination) {
        if (destination instanceof LeadManagement.HttpsEndpoint endpoint) {
            return sendTestLead(publicationId, offerId, endpoint.url());
        }
        return Optional.empty(); // none, or e-mail addresses checked by shape
    }

    private Optional<Finding> sendTestLead(String publicationId, String offerId, String url) {
        URI uri = URI.create(url);
        Optional<String> refused = refusedAddress(uri);
        if (refused.isPresent()) {
            return Optional.of(finding(refused.get(), "Use a public https:// endpoint for leads."));
        }
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("leadId", "offerflow-test-" + publicationId);
        lead.put("test", true);
        lead.put("offerId", offerId);
        lead.put("createdAt", Instant.now().toString());
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Offerflow lead test")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(lead)))
                    .build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                log.info("Publication {}: lead endpoint {} accepted the test lead", publicationId, uri.getHost());
                return Optional.empty();
            }
            return Optional.of(finding("the lead endpoint answered the test lead with HTTP " + response.statusCode(),
                    "Make the endpoint accept a JSON POST with a 2xx answer, then resubmit."));
        } catch (IOException e) {
            return Optional.of(finding("the lead endpoint could not be reached over HTTPS: " + describe(e),
                    "Check the URL, that the endpoint is up and that its certificate is valid, then resubmit."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending the test lead", e);
        }
    }

    private Optional<String> refusedAddress(URI uri) {
        if (settings.allowPrivateAddresses()) {
            return Optional.empty();
        }
        return switch (PublicAddresses.of(uri.getHost())) {
            case PUBLIC -> Optional.empty();
            case PRIVATE -> Optional.of("the lead endpoint's host " + uri.getHost()
                    + " is a private or local address, which is not contacted");
            case UNKNOWN_HOST -> Optional.of("the lead endpoint's host " + uri.getHost() + " does not resolve");
        };
    }

    private static Finding finding(String message, String suggestion) {
        return Finding.error(STEP, "leadManagement.url", "LeadEndpointReachable", message, suggestion);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    private static SSLContext sslContext(LeadSettings settings) throws IOException, GeneralSecurityException {
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(settings.trustStore())) {
            trustStore.load(in, settings.trustStorePassword().toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

}

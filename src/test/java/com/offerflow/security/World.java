package com.offerflow.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerflow.demo.SampleImage;
import com.offerflow.demo.SampleOffer;
import com.offerflow.identity.Caller;
import com.offerflow.offer.Offer;
import com.offerflow.offer.OfferService;
import com.offerflow.publication.PublicationRepository;
import com.offerflow.publication.PublicationService;
import com.offerflow.publication.PublicationStatus;
import com.offerflow.support.OfferEdits;
import com.offerflow.support.TestOffers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.awaitility.Awaitility.await;

/**
 * What the security tests attack, made once per Spring context: alice's (contoso) offer with a publication waiting
 * for her Go live (sign-off task, certification report, preview), alice's offer with a publication waiting for her
 * to fix findings, and bob's (fabrikam) offer with a publication waiting for his Go live. Requests name them by
 * placeholders, e.g. {@code /api/publications/{alicePublication}/preview}.
 */
class World {

    private final OfferService offers;
    private final PublicationService publications;
    private final PublicationRepository repository;
    private final TaskService tasks;
    private final ManagementService management;
    private final RepositoryService definitions;
    private final ObjectMapper json;
    private Map<String, String> ids;

    World(OfferService offers, PublicationService publications, PublicationRepository repository, TaskService tasks,
            ManagementService management, RepositoryService definitions, ObjectMapper json) {
        this.offers = offers;
        this.publications = publications;
        this.repository = repository;
        this.tasks = tasks;
        this.management = management;
        this.definitions = definitions;
        this.json = json;
    }

    /** Replaces the placeholders of a path or body with the ids of this world. */
    synchronized String resolve(String text) {
        if (text == null) {
            return null;
        }
        String resolved = text;
        for (Map.Entry<String, String> id : ids().entrySet()) {
            resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
        }
        if (resolved.matches("(?s).*\\{[a-zA-Z]+}.*")) {
            throw new IllegalArgumentException("Unknown placeholder in " + text);
        }
        return resolved;
    }

    synchronized String id(String name) {
        return ids().get(name);
    }

    private Map<String, String> ids() {
        if (ids == null) {
            ids = build();
        }
        return ids;
    }

    private Map<String, String> build() {
        String alicePublication = publish(TestOffers.ALICE, UnaryOperator.identity());
        String aliceFindingsPublication = publish(TestOffers.ALICE, OfferEdits.previewAudience(List.of()));
        String bobPublication = publish(TestOffers.BOB, UnaryOperator.identity());
        awaitStatus(alicePublication, PublicationStatus.PREVIEW);
        awaitStatus(aliceFindingsPublication, PublicationStatus.ATTENTION_NEEDED);
        awaitStatus(bobPublication, PublicationStatus.PREVIEW);

        String aliceInstance = repository.find(alicePublication).orElseThrow().processInstanceId();
        String aliceOffer = repository.find(alicePublication).orElseThrow().offerId();
        ProcessDefinition definition = definitions.createProcessDefinitionQuery().processDefinitionKey(
                "PublishContainerOffer").latestVersion().singleResult();
        return Map.ofEntries(
                Map.entry("aliceOffer", aliceOffer),
                Map.entry("aliceOfferJson", write(offers.get(TestOffers.ALICE, aliceOffer).draft())),
                Map.entry("newOfferJson", write(SampleOffer.document("t-refused"))),
                Map.entry("alicePublication", alicePublication),
                Map.entry("aliceInstance", aliceInstance),
                Map.entry("aliceTask", task(aliceInstance).getId()),
                Map.entry("aliceTimerJob", management.createJobQuery().processInstanceId(aliceInstance).timers()
                        .list().get(0).getId()),
                Map.entry("aliceFindingsPublication", aliceFindingsPublication),
                Map.entry("aliceFindingsTask", task(repository.find(aliceFindingsPublication).orElseThrow()
                        .processInstanceId()).getId()),
                Map.entry("bobOffer", repository.find(bobPublication).orElseThrow().offerId()),
                Map.entry("bobPublication", bobPublication),
                Map.entry("bobTask", task(repository.find(bobPublication).orElseThrow().processInstanceId())
                        .getId()),
                Map.entry("processDefinition", definition.getId()),
                Map.entry("deployment", definition.getDeploymentId()));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates the sample offer (edited) for the caller's organisation, with its image, and starts publishing it. */
    String publish(Caller publisher, UnaryOperator<com.offerflow.offer.OfferDocument> edit) {
        Offer offer = offers.create(publisher, edit.apply(SampleOffer.document(TestOffers.newOfferId())));
        offers.uploadImage(publisher, offer.offerId(),
                new ByteArrayInputStream(SampleImage.image().toArchiveBytes()));
        return publications.start(publisher, offer.offerId()).publicationId();
    }

    /** Waits for the job executor and the scan worker to bring the publication where it waits for a person. */
    void awaitStatus(String publicationId, PublicationStatus status) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() ->
                repository.find(publicationId).orElseThrow().status() == status
                        && task(repository.find(publicationId).orElseThrow().processInstanceId()) != null);
    }

    private Task task(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }
}

package com.offerflow.security;

import com.offerflow.support.ApiClient;
import com.offerflow.demo.SampleImage;
import com.offerflow.demo.SampleOffer;
import com.offerflow.offer.Offer;
import com.offerflow.offer.OfferService;
import com.offerflow.storage.DataDirectory;
import com.offerflow.support.TestOffers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.offerflow.security.Case.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies are bounded: the image upload by {@code offerflow.images.max-upload-size} (64 KB in these tests),
 * the rest of the API by {@code offerflow.api.max-body-size} (1 MB), everything else (engine REST, webapps) by
 * {@code offerflow.security.max-request-size} (2 MB). A body over its bound gets 413, whether it declares its length
 * or is sent chunked, and nothing of it is stored.
 */
@SecurityTest
class UploadLimitTest extends AccessChecks {

    private static final int TOO_LARGE_IMAGE = 100 * 1024;
    private static final int TOO_LARGE_REQUEST = 3 * 1024 * 1024;

    @Autowired
    OfferService offers;
    @Autowired
    DataDirectory data;

    @Test
    void aTooLargeImageIsRefusedBeforeItIsReadAndNothingIsStored() {
        Offer offer = offers.create(TestOffers.ALICE, SampleOffer.document(TestOffers.newOfferId()));
        List<Path> filesBefore = files();

        ApiClient.Response declared = check(row(ALICE, "PUT /api/offers/" + offer.offerId() + "/image", 413), () ->
                http(ALICE).send("PUT", "/api/offers/" + offer.offerId() + "/image", "application/x-tar",
                        HttpRequest.BodyPublishers.ofByteArray(new byte[TOO_LARGE_IMAGE])));
        assertThat(declared.body()).contains("image-too-large");

        assertThat(offers.get(TestOffers.ALICE, offer.offerId()).image()).isNull();
        assertThat(files()).isEqualTo(filesBefore);
    }

    @Test
    void aTooLargeImageSentChunkedIsCutOffAndNothingIsStored() {
        Offer offer = offers.create(TestOffers.ALICE, SampleOffer.document(TestOffers.newOfferId()));
        List<Path> filesBefore = files();

        ApiClient.Response chunked = check(row(ALICE, "PUT /api/offers/" + offer.offerId() + "/image (chunked)", 413),
                () -> http(ALICE).send("PUT", "/api/offers/" + offer.offerId() + "/image", "application/x-tar",
                        HttpRequest.BodyPublishers.ofInputStream(() ->
                                new ByteArrayInputStream(new byte[TOO_LARGE_IMAGE]))));
        assertThat(chunked.body()).contains("image-too-large");

        assertThat(offers.get(TestOffers.ALICE, offer.offerId()).image()).isNull();
        assertThat(files()).isEqualTo(filesBefore);
    }

    @Test
    void anImageWithinTheBoundIsTaken() {
        Offer offer = offers.create(TestOffers.ALICE, SampleOffer.document(TestOffers.newOfferId()));

        ApiClient.Response upload = http(ALICE).send("PUT", "/api/offers/" + offer.offerId() + "/image",
                "application/x-tar", HttpRequest.BodyPublishers.ofByteArray(SampleImage.image().toArchiveBytes()));

        assertThat(upload.status()).as("%s", upload).isEqualTo(200);
        assertThat(offers.get(TestOffers.ALICE, offer.offerId()).image()).isNotNull();
    }

    @Test
    void otherBodiesAreBoundedToo() {
        // a JSON string that goes on and on: the API reads it until the bound
        byte[] endlessJson = ("{\"offerId\":\"" + "a".repeat(TOO_LARGE_REQUEST)).getBytes(StandardCharsets.UTF_8);
        for (Map.Entry<String, String> request : Map.of(
                "/api/offers", "application/json",
                "/engine-rest/deployment/create", "multipart/form-data; boundary=x",
                "/engine-rest/task/{aliceTask}/attachment/create", "multipart/form-data; boundary=x").entrySet()) {
            String path = world.resolve(request.getKey());
            check(row(ALICE, "POST " + path, 413), () -> http(ALICE).send("POST", path, request.getValue(),
                    HttpRequest.BodyPublishers.ofByteArray(endlessJson)));
            check(row(ALICE, "POST " + path + " (chunked)", 413), () -> http(ALICE).send("POST", path,
                    request.getValue(), HttpRequest.BodyPublishers.ofInputStream(() ->
                            new ByteArrayInputStream(endlessJson))));
        }
    }

    private List<Path> files() {
        try (Stream<Path> files = Files.walk(data.dataDir())) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

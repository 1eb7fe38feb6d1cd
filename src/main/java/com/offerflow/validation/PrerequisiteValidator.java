package com.offerflow.validation;

import com.offerflow.image.Digest;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.OciArchive;
import com.offerflow.offer.OfferDocument;
import com.offerflow.publication.Finding;
import com.offerflow.publication.PublishingStep;
import com.offerflow.storage.ImageArchives;
import com.offerflow.web.FieldError;
import com.offerflow.web.Suggestions;
import jakarta.validation.Validator;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Step 1: checks that an offer, as submitted, can be published, and returns every problem at once, each with its
 * field, rule and suggestion. Beyond the shape checked on save: the image is uploaded and is an OCI image layout,
 * every tag of the technical configuration is in the image's index, and a preview audience is named.
 */
@Service
public class PrerequisiteValidator {

    private static final PublishingStep STEP = PublishingStep.VALIDATE_PREREQUISITES;

    private final Validator validator;
    private final Suggestions suggestions;
    private final ImageArchives archives;

    PrerequisiteValidator(Validator validator, Suggestions suggestions, ImageArchives archives) {
        this.validator = validator;
        this.suggestions = suggestions;
        this.archives = archives;
    }

    public List<Finding> validate(OfferDocument offer, String imageDigest) {
        List<Finding> findings = new ArrayList<>();
        validator.validate(offer).stream()
                .map(violation -> suggestions.fieldError(violation, ""))
                .sorted(Comparator.comparing(FieldError::field))
                .map(error -> Finding.error(STEP, error.field(), error.rule(), error.message(), error.suggestion()))
                .forEach(findings::add);
        if (offer.previewAudience().isEmpty()) {
            findings.add(Finding.error(STEP, "previewAudience", "PreviewAudienceRequired",
                    "names no subscription: nobody could check the preview before Go live",
                    "Add at least one Azure subscription id (a GUID) to the preview audience."));
        }
        findings.addAll(imageFindings(offer, imageDigest));
        return findings;
    }

    private List<Finding> imageFindings(OfferDocument offer, String imageDigest) {
        if (imageDigest == null) {
            return List.of(Finding.error(STEP, "image", "ImageRequired", "no image was uploaded",
                    "Upload the image as an oci-archive: PUT /api/offers/" + offer.offerId() + "/image."));
        }
        Path archive = archives.path(Digest.parse(imageDigest));
        if (!Files.exists(archive)) {
            throw new UncheckedIOException(new IOException("The uploaded image " + imageDigest
                    + " is missing from the image store " + archive.getParent()));
        }
        Set<String> imageTags;
        try (OciArchive image = OciArchive.open(archive, ImageLimits.defaults())) {
            imageTags = new HashSet<>(image.tags());
        } catch (InvalidImageException e) {
            return List.of(Finding.error(STEP, "image", e.code(), e.getMessage(),
                    "Upload an oci-archive, e.g. written by: skopeo copy docker://IMAGE oci-archive:image.tar:TAG"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded image " + imageDigest, e);
        }
        List<Finding> findings = new ArrayList<>();
        List<String> tags = offer.technicalConfiguration() == null || offer.technicalConfiguration().tags() == null
                ? List.of() : offer.technicalConfiguration().tags();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (tag != null && !imageTags.contains(tag)) {
                findings.add(Finding.error(STEP, "technicalConfiguration.tags[" + i + "]", "TagInImage",
                        "tag '" + tag + "' is not in the uploaded image's index (it has: "
                                + (imageTags.isEmpty() ? "no tags" : String.join(", ", imageTags.stream().sorted().toList())) + ")",
                        "Upload an image tagged '" + tag + "' (skopeo copy ... oci-archive:image.tar:" + tag
                                + "), or remove the tag from the technical configuration."));
            }
        }
        return findings;
    }
}

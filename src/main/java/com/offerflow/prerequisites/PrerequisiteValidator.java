package com.offerflow.prerequisites;

import com.offerflow.image.Digest;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.OciArchive;
import com.offerflow.offer.DraftChange;
import com.offerflow.offer.LiveVersion;
import com.offerflow.offer.LiveVersions;
import com.offerflow.offer.OfferDocument;
import com.offerflow.offer.Prerequisites;
import com.offerflow.process.ProcessVariables;
import com.offerflow.publication.Finding;
import com.offerflow.publication.PublicationContext;
import com.offerflow.publication.StepOutcome;
import com.offerflow.publication.PublishingStep;
import com.offerflow.storage.ImageArchives;
import com.offerflow.web.Suggestions;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step 1: checks that an offer, as submitted, can be published, and returns every problem at once, each with its
 * field, rule and suggestion. The offer's rules are Bean Validation: the offer's shape as on save (the default
 * group), what a publication needs beyond a savable draft ({@link Prerequisites}: a preview audience), the uploaded
 * image and its tags ({@link Submission}: an image, every tag in its index), and the rules of updating a live offer
 * ({@link DraftChange}: the repository name stays). Plans with regions and the lead destination's shape are part of
 * the offer's shape. When the technical configuration names a registry repository, the image comes from there
 * instead of an upload: {@link RegistryImageResolver} resolves the tags and pins the one image they name.
 */
@Service
public class PrerequisiteValidator {

    private static final PublishingStep STEP = PublishingStep.VALIDATE_PREREQUISITES;

    private final Validator validator;
    private final Suggestions suggestions;
    private final ImageArchives archives;
    private final LiveVersions liveVersions;
    private final RegistryImageResolver registry;

    PrerequisiteValidator(Validator validator, Suggestions suggestions, ImageArchives archives,
            LiveVersions liveVersions, RegistryImageResolver registry) {
        this.validator = validator;
        this.suggestions = suggestions;
        this.archives = archives;
        this.liveVersions = liveVersions;
        this.registry = registry;
    }

    /**
     * Step 1's result: every finding, and the registry image the tags name, pinned by digest (null for an uploaded
     * image, and whenever there are findings).
     */
    public record Result(List<Finding> findings, String pinnedImage) {

        public boolean passed() {
            return findings.isEmpty();
        }

        /** The findings, and {@code prerequisitesMet} for the model's gateway. */
        public StepOutcome outcome() {
            return new StepOutcome(STEP, findings, Map.of(ProcessVariables.PREREQUISITES_MET, passed()));
        }
    }

    /** Step 1 of the publication: its snapshot and its uploaded image (if any). */
    public Result validate(PublicationContext publication) {
        return validate(publication.offer(), publication.publication().snapshot().imageDigest(),
                publication.publication().publisherOrg());
    }

    /**
     * Every finding of the offer as submitted by {@code publisherOrg}, with the uploaded image's digest (null when
     * none was uploaded or the technical configuration names a registry repository).
     */
    public Result validate(OfferDocument offer, String imageDigest, String publisherOrg) {
        Set<ConstraintViolation<OfferDocument>> offerViolations =
                validator.validate(offer, Default.class, Prerequisites.class);
        List<ConstraintViolation<?>> violations = new ArrayList<>(offerViolations);
        OfferDocument live = liveVersions.find(offer.offerId()).map(LiveVersion::offer).orElse(null);
        violations.addAll(validator.validate(new DraftChange(offer.offerId(), offer, live)));
        List<Finding> findings = new ArrayList<>();
        String pinned = null;
        String repository = offer.technicalConfiguration() == null ? null
                : offer.technicalConfiguration().registryRepository();
        if (repository != null) {
            if (offerViolations.stream().noneMatch(RegistryImageResolver::concernsRegistryRepository)) {
                RegistryImageResolver.Resolution resolution = registry.resolve(repository,
                        offer.technicalConfiguration().tags() == null ? List.of()
                                : offer.technicalConfiguration().tags(), publisherOrg);
                findings.addAll(resolution.findings());
                pinned = resolution.pinned() == null ? null : resolution.pinned().toString();
            }
        } else {
            Submission.UploadedImage image = uploadedImage(imageDigest, findings);
            if (findings.isEmpty()) {
                violations.addAll(validator.validate(new Submission(offer, image)));
            }
        }
        violations.stream()
                .map(violation -> suggestions.fieldError(violation, ""))
                .map(error -> Finding.error(STEP, error.field(), error.rule(), error.message(), error.suggestion()))
                .forEach(findings::add);
        findings.sort(Comparator.comparing(Finding::field).thenComparing(Finding::rule));
        return new Result(findings, findings.isEmpty() ? pinned : null);
    }

    /** The uploaded archive with its tags; null when none was uploaded, or when it is not an OCI layout (a finding). */
    private Submission.UploadedImage uploadedImage(String imageDigest, List<Finding> findings) {
        Submission.UploadedImage image = null;
        if (imageDigest != null) {
            try {
                image = new Submission.UploadedImage(imageDigest, imageTags(imageDigest));
            } catch (InvalidImageException e) {
                findings.add(Finding.error(STEP, "image", e.code(), e.getMessage(), "Upload an oci-archive, e.g."
                        + " written by: skopeo copy docker://IMAGE oci-archive:image.tar:TAG"));
            }
        }
        return image;
    }

    private Set<String> imageTags(String imageDigest) throws InvalidImageException {
        Path archive = archives.path(Digest.parse(imageDigest));
        if (!Files.exists(archive)) {
            throw new UncheckedIOException(new IOException("The uploaded image " + imageDigest
                    + " is missing from the image store " + archive.getParent()));
        }
        try (OciArchive image = OciArchive.open(archive, ImageLimits.defaults())) {
            return new HashSet<>(image.tags());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded image " + imageDigest, e);
        }
    }
}

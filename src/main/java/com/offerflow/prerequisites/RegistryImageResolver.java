package com.offerflow.prerequisites;

import com.offerflow.image.Digest;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.registry.RegistryException;
import com.offerflow.image.registry.RegistryImageSource;
import com.offerflow.image.registry.RegistryReference;
import com.offerflow.offer.TechnicalConfiguration;
import com.offerflow.publication.Finding;
import com.offerflow.publication.PublishingStep;
import com.offerflow.storage.ImageSources;
import com.offerflow.web.Suggestions;
import jakarta.validation.ConstraintViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step 1 for an image in a registry: resolves every tag of the technical configuration to the manifest (or image
 * index) it names now, requires that they all name the same image, and pins it by digest. Tags move; the digest
 * does not, so certification and packaging read the pinned reference and what is scanned is what is packaged.
 * Every problem is a finding with its field path: a refused or unreachable registry on
 * {@code technicalConfiguration.registryRepository}, a missing tag or one naming another image on its
 * {@code technicalConfiguration.tags[i]}.
 */
@Service
class RegistryImageResolver {

    private static final Logger log = LoggerFactory.getLogger(RegistryImageResolver.class);
    private static final PublishingStep STEP = PublishingStep.VALIDATE_PREREQUISITES;
    private static final String REPOSITORY_FIELD = "technicalConfiguration.registryRepository";

    private final ImageSources sources;
    private final Suggestions suggestions;

    RegistryImageResolver(ImageSources sources, Suggestions suggestions) {
        this.sources = sources;
        this.suggestions = suggestions;
    }

    /** The pinned image, or the findings that keep the tags from naming one image in the registry. */
    record Resolution(RegistryReference pinned, List<Finding> findings) {
    }

    /**
     * Resolves the tags in the repository. Tags that are not tag-shaped are skipped (the offer's own rules report
     * them); nothing is pinned while there is any finding.
     *
     * @param repository    a well-formed {@code http(s)://host/name} ({@code RegistryRepositoryUrl})
     * @param publisherOrg  the publishing organisation: in the marketplace's ingestion registry, only its own
     *                      namespace ({@code <org>/...}) can be published from
     */
    Resolution resolve(String repository, List<String> tags, String publisherOrg) {
        RegistryReference base = RegistryReference.parse(repository);
        if (sources.isIngestion(base)
                && !sources.ingestionOrganisation(base).map(org -> org.equals(publisherOrg)).orElse(false)) {
            return failed(finding(REPOSITORY_FIELD, "IngestionNamespace", "the repository " + base.repository()
                    + " of the ingestion registry is not in the namespace of organisation " + publisherOrg));
        }
        Optional<ImageSources.RegistryRefusedException> refused = sources.refusal(base);
        if (refused.isPresent()) {
            String rule = switch (refused.get().reason()) {
                case INSECURE -> "SecureRegistry";
                case PRIVATE -> "PublicRegistry";
                case UNKNOWN_HOST -> "RegistryReachable";
            };
            return failed(finding(REPOSITORY_FIELD, rule, refused.get().getMessage()));
        }
        Map<Integer, Digest> named = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (tag == null || !tag.matches(TechnicalConfiguration.TAG_PATTERN)) {
                continue;
            }
            String field = "technicalConfiguration.tags[" + i + "]";
            try (RegistryImageSource image = sources.openRegistry(base.withTag(tag), ImageLimits.defaults())) {
                named.put(i, image.top().digest());
            } catch (InvalidImageException e) {
                if ("no-manifest".equals(e.code())) {
                    findings.add(finding(field, "TagInRegistry", "tag '" + tag + "' is not in the registry"
                            + " repository " + repository));
                } else {
                    findings.add(Finding.error(STEP, field, e.code(), "the image tagged '" + tag + "' in "
                            + repository + " cannot be read: " + e.getMessage(), "Push a valid OCI image under"
                            + " this tag, then resubmit."));
                }
            } catch (RegistryException e) {
                log.info("Registry {} refused tag {}: {}", base.base(), tag, e.getMessage());
                return failed(e.status() == 401 || e.status() == 403
                        ? finding(REPOSITORY_FIELD, "AnonymousPull", "the registry requires credentials to pull "
                        + base.repository() + ": images are pulled anonymously")
                        : finding(REPOSITORY_FIELD, "RegistryReachable", "the registry " + base.base()
                        + " answered HTTP " + e.status() + " for tag '" + tag + "'"));
            } catch (IOException e) {
                log.info("Registry {} is unreachable: {}", base.base(), e.toString());
                return failed(finding(REPOSITORY_FIELD, "RegistryReachable", "the registry " + base.base()
                        + " could not be reached: " + describe(e)));
            }
        }
        findings.addAll(differentImages(tags, named));
        if (!findings.isEmpty()) {
            return new Resolution(null, findings);
        }
        if (named.isEmpty()) {
            return new Resolution(null, List.of()); // no tag to resolve: the offer's own rules report the tags
        }
        Digest digest = named.values().iterator().next();
        return new Resolution(new RegistryReference(base.base(), base.repository(), null, digest), List.of());
    }

    /** Each tag naming another image than the first resolved tag does. */
    private List<Finding> differentImages(List<String> tags, Map<Integer, Digest> named) {
        List<Finding> findings = new ArrayList<>();
        Map.Entry<Integer, Digest> first = named.entrySet().stream().findFirst().orElse(null);
        named.forEach((index, digest) -> {
            if (!digest.equals(first.getValue())) {
                findings.add(finding("technicalConfiguration.tags[" + index + "]", "TagsNameOneImage",
                        "tag '" + tags.get(index) + "' names image " + digest.shortForm() + ", but tag '"
                                + tags.get(first.getKey()) + "' names " + first.getValue().shortForm()
                                + ": all tags must name the same image"));
            }
        });
        return findings;
    }

    /** Whether the offer's own rules refused the repository's URL (then it is not contacted). */
    static boolean concernsRegistryRepository(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString().equals(REPOSITORY_FIELD);
    }

    private Resolution failed(Finding finding) {
        return new Resolution(null, List.of(finding));
    }

    private Finding finding(String field, String rule, String message) {
        return Finding.error(STEP, field, rule, message, suggestions.forRule(rule));
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }
}

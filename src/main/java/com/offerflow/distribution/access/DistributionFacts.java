package com.offerflow.distribution.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The facts the access rules are decided from, read from the catalog and the publications (read only): which
 * offer is live under a repository and in which regions, and which publication's package is in preview under it.
 * A repository is found by its name in the stored offer documents (a text prefilter, then an exact comparison of the
 * parsed {@code technicalConfiguration.repositoryName}). Two offers with one repository name would be ambiguous (the
 * first live one, the newest preview win): repository names are to be reserved per offer (issue 9).
 */
@Repository
public class DistributionFacts {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    DistributionFacts(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A live offer (selling or stopped: existing customers keep pulling) and the regions that serve it. */
    public record Live(String offerId, String publicationId, String publisherOrg, String packageDigest,
                       List<String> regions) {
    }

    /**
     * A package in preview: packaged, not yet Go live, not ended (neither rejected, cancelled nor expired).
     *
     * @param audience the preview audience's subscription ids, lowercase
     */
    public record Preview(String offerId, String publicationId, String publisherOrg, String packageDigest,
                          Set<String> audience) {
    }

    public Optional<Live> live(String repository) {
        return jdbc.sql("""
                        select offer_id, publication_id, publisher_org, package_digest, regions, offer
                        from catalog_entry where offer like ?""")
                .param(like(repository))
                .query((rs, n) -> repository.equals(repositoryName(rs.getString("offer")))
                        ? new Live(rs.getString("offer_id"), rs.getString("publication_id"),
                        rs.getString("publisher_org"), rs.getString("package_digest"),
                        List.of(rs.getString("regions").split(","))) : null)
                .list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** The newest publication of the repository that is in preview now. */
    public Optional<Preview> preview(String repository) {
        return jdbc.sql("""
                        select offer_id, publication_id, publisher_org, package_digest, offer_snapshot
                        from publication
                        where package_digest is not null and go_live_at is null and ended_at is null
                          and status in ('IN_PROGRESS', 'PREVIEW') and offer_snapshot like ?
                        order by started_at desc""")
                .param(like(repository))
                .query((rs, n) -> {
                    JsonNode offer = read(rs.getString("offer_snapshot"));
                    if (offer == null || !repository.equals(offer.path("technicalConfiguration")
                            .path("repositoryName").asText(null))) {
                        return null;
                    }
                    Set<String> audience = new TreeSet<>();
                    offer.path("previewAudience").forEach(entry -> audience.add(
                            entry.path("subscriptionId").asText("").toLowerCase(Locale.ROOT)));
                    return new Preview(rs.getString("offer_id"), rs.getString("publication_id"),
                            rs.getString("publisher_org"), rs.getString("package_digest"), audience);
                })
                .list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    private static String like(String repository) {
        // repository names hold no LIKE wildcards but '_', which only widens the prefilter
        return "%\"repositoryName\":\"" + repository + "\"%";
    }

    private String repositoryName(String offer) {
        JsonNode node = read(offer);
        return node == null ? null : node.path("technicalConfiguration").path("repositoryName").asText(null);
    }

    private JsonNode read(String document) {
        try {
            return json.readTree(document);
        } catch (IOException e) {
            return null;
        }
    }
}

package com.offerflow.identity;

import com.offerflow.web.ApiException;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated user of an API request: a Camunda user and its groups. Controllers take it as a parameter
 * ({@link CallerArgumentResolver}).
 */
public record Caller(String userId, Set<String> groups) {

    public Caller {
        groups = Set.copyOf(groups);
    }

    /** The publisher organisation the caller publishes for, if any (one per user). */
    public Optional<String> publisherOrg() {
        List<String> orgs = groups.stream().map(Groups::organisationOf).flatMap(Optional::stream).sorted().toList();
        return orgs.isEmpty() ? Optional.empty() : Optional.of(orgs.get(0));
    }

    public boolean isAdmin() {
        return groups.contains(Groups.ADMINS);
    }

    /** Publishers see their own organisation's offers; admins see every organisation's. */
    public boolean canSee(String publisherOrg) {
        return isAdmin() || publisherOrg().map(publisherOrg::equals).orElse(false);
    }

    /** Publishers act on their own organisation's offers only; nobody else acts on them. */
    public boolean canActFor(String publisherOrg) {
        return publisherOrg().map(publisherOrg::equals).orElse(false);
    }

    /** The organisation the caller publishes for, or 403 for users who publish for none. */
    public String requirePublisherOrg() {
        return publisherOrg().orElseThrow(() -> new ApiException(HttpStatus.FORBIDDEN, "not-a-publisher",
                "Only members of a publisher organisation can do this."));
    }
}

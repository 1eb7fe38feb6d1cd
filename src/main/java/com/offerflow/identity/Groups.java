package com.offerflow.identity;

import java.util.Optional;

/**
 * The Camunda groups that carry Offerflow's roles. A publisher organisation {@code contoso} is the group
 * {@code publisher-contoso}; its members are that organisation's publishers.
 */
public final class Groups {

    /** Camunda's administrators group: everything, including Admin. */
    public static final String ADMINS = "camunda-admin";
    /** Certification reviewers: judge the scanner's warnings in Tasklist. */
    public static final String CERTIFICATION_REVIEWERS = "certification-reviewers";
    /** Operators: watch publications, timers and incidents in Cockpit, read-only. */
    public static final String OPERATORS = "operators";
    /** Scan worker processes' service accounts: fetch, lock and complete certify-image tasks, report progress. */
    public static final String SCAN_WORKERS = "scan-workers";
    /** Customers (users of subscriptions): nothing but the registry token service (distribution.access.Customers). */
    public static final String CUSTOMERS = "customers";
    public static final String PUBLISHER_PREFIX = "publisher-";
    /** The Camunda group type of publisher organisations. */
    public static final String PUBLISHER_GROUP_TYPE = "publisher-organisation";

    private Groups() {
    }

    public static String publisherGroup(String organisation) {
        return PUBLISHER_PREFIX + organisation;
    }

    public static Optional<String> organisationOf(String groupId) {
        return groupId.startsWith(PUBLISHER_PREFIX) && groupId.length() > PUBLISHER_PREFIX.length()
                ? Optional.of(groupId.substring(PUBLISHER_PREFIX.length()))
                : Optional.empty();
    }
}

package com.offerflow.process;

/**
 * The names of {@code PublishContainerOffer}'s process variables, kept few and small: ids and outcomes. Offers,
 * reports and packages live in the project's tables and stores, found through {@link #PUBLICATION_ID}.
 */
public final class ProcessVariables {

    public static final String PROCESS_KEY = "PublishContainerOffer";

    /** The publication this instance runs; also the instance's business key. */
    public static final String PUBLICATION_ID = "publicationId";
    public static final String OFFER_ID = "offerId";
    /** The Camunda group of the publisher's organisation: candidate group of its tasks. */
    public static final String PUBLISHER_GROUP = "publisherGroup";
    /** The whole publication's due date (10 business days), a Date for the SLA timer. */
    public static final String PUBLICATION_DUE_AT = "publicationDueAt";

    /** Step 1's outcome. */
    public static final String PREREQUISITES_MET = "prerequisitesMet";
    /** The scanner's outcome: a {@link ScanOutcome}. */
    public static final String SCAN_OUTCOME = "scanOutcome";
    /** The reviewer's decision on warnings: a {@link ReviewDecision}, with a comment. */
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_COMMENT = "reviewComment";
    /** Step 2's outcome: the image passed the scan, or a reviewer accepted its warnings. */
    public static final String CERTIFIED = "certified";
    /** Step 3's outcome: packaged and the lead destination answered. */
    public static final String PACKAGED = "packaged";
    /** The publisher's sign-off: a {@link SignOffDecision}, with a comment. */
    public static final String SIGN_OFF_DECISION = "signOffDecision";
    public static final String SIGN_OFF_COMMENT = "signOffComment";
    /** The publisher's answer to findings: a {@link Resolution}, with a comment. */
    public static final String RESOLUTION = "resolution";
    public static final String RESOLUTION_COMMENT = "resolutionComment";
    /** How the part before Go live ended: GO_LIVE, CANCELLED or EXPIRED, set and tested by the model itself. */
    public static final String PREPARATION_OUTCOME = "preparationOutcome";
    /** For operators in Cockpit: the steps that went over their expected duration, and whether the SLA broke. */
    public static final String OVERDUE_STEPS = "overdueSteps";
    public static final String SLA_BREACHED = "slaBreached";
    /** The region a replication job copies to (multi-instance element). */
    public static final String REGION = "region";

    /** Message that cancels a publication before Go live. */
    public static final String MESSAGE_CANCEL = "PublicationCancelled";

    private ProcessVariables() {
    }
}

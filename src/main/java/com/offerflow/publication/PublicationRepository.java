package com.offerflow.publication;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The {@code publication}, {@code publication_step} and {@code finding} tables: the publisher's read model. Anyone
 * may read it; only the publication module writes it (its writers are package-private): steps hand their outcome
 * to {@link PublicationContexts}.
 */
@Repository
public class PublicationRepository {

    private static final String COLUMNS = """
            publication_id, offer_id, publisher_org, status, current_step, offer_snapshot, offer_revision,
            image_digest, process_instance_id, started_by, started_at, due_at, overdue, go_live_at, ended_at,
            outcome_comment, scan_bytes_done, scan_bytes_total, package_digest, pinned_image""";

    private final JdbcClient jdbc;

    PublicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Publication p) {
        jdbc.sql("insert into publication (" + COLUMNS + ") values (:id, :offer, :org, :status, :step, :snapshot,"
                        + " :revision, :image, :instance, :startedBy, :startedAt, :dueAt, false, null, null, null,"
                        + " null, null, null, null)")
                .param("id", p.publicationId()).param("offer", p.offerId()).param("org", p.publisherOrg())
                .param("status", p.status().name()).param("step", p.currentStep().name())
                .param("snapshot", p.snapshot().offerJson()).param("revision", p.snapshot().revision())
                .param("image", p.snapshot().imageDigest()).param("instance", p.processInstanceId())
                .param("startedBy", p.timeline().startedBy()).param("startedAt", time(p.timeline().startedAt()))
                .param("dueAt", time(p.timeline().dueAt()))
                .update();
        for (PublishingStep step : PublishingStep.values()) {
            jdbc.sql("insert into publication_step (publication_id, step, position, state, attempts, overdue)"
                            + " values (?, ?, ?, ?, 0, false)")
                    .params(p.publicationId(), step.name(), step.position(), StepState.NOT_STARTED.name())
                    .update();
        }
    }

    public Optional<Publication> find(String publicationId) {
        return jdbc.sql("select " + COLUMNS + " from publication where publication_id = ?")
                .param(publicationId).query(PUBLICATION).optional();
    }

    /** The publication, locked for update until the transaction ends: serialises commands on one publication. */
    Optional<Publication> lock(String publicationId) {
        return jdbc.sql("select " + COLUMNS + " from publication where publication_id = ? for update")
                .param(publicationId).query(PUBLICATION).optional();
    }

    public List<Publication> findByOffer(String offerId) {
        return jdbc.sql("select " + COLUMNS + " from publication where offer_id = ? order by started_at desc")
                .param(offerId).query(PUBLICATION).list();
    }

    public List<StepRecord> steps(String publicationId) {
        return jdbc.sql("select step, state, expected_duration, started_at, ended_at, attempts, overdue"
                        + " from publication_step where publication_id = ? order by position")
                .param(publicationId)
                .query((rs, n) -> new StepRecord(PublishingStep.valueOf(rs.getString("step")),
                        StepState.valueOf(rs.getString("state")),
                        rs.getString("expected_duration") == null ? null : Duration.parse(rs.getString("expected_duration")),
                        instant(rs, "started_at"), instant(rs, "ended_at"), rs.getInt("attempts"),
                        rs.getBoolean("overdue")))
                .list();
    }

    /** The findings of each step's latest attempt, of the steps that ran since the last resubmission. */
    public List<Finding> findings(String publicationId) {
        return jdbc.sql("""
                        select f.step, f.severity, f.field, f.rule, f.message, f.suggestion
                        from finding f join publication_step s on s.publication_id = f.publication_id and s.step = f.step
                        where f.publication_id = ? and f.attempt = s.attempts and s.state <> ?
                        order by f.finding_id""")
                .params(publicationId, StepState.NOT_STARTED.name())
                .query((rs, n) -> new Finding(PublishingStep.valueOf(rs.getString("step")), rs.getString("severity"),
                        rs.getString("field"), rs.getString("rule"), rs.getString("message"),
                        rs.getString("suggestion")))
                .list();
    }

    void stepStarted(String publicationId, PublishingStep step, Duration expected, Instant now) {
        jdbc.sql("""
                        update publication_step set state = ?, expected_duration = ?, started_at = ?, ended_at = null,
                               attempts = attempts + 1, overdue = false
                        where publication_id = ? and step = ?""")
                .params(StepState.IN_PROGRESS.name(), expected == null ? null : expected.toString(), time(now),
                        publicationId, step.name())
                .update();
    }

    void stepEnded(String publicationId, PublishingStep step, StepState state, Instant now) {
        jdbc.sql("update publication_step set state = ?, ended_at = ? where publication_id = ? and step = ?")
                .params(state.name(), time(now), publicationId, step.name())
                .update();
    }

    /** Steps from {@code from} on are reset to NOT_STARTED (a resubmission runs them again). */
    void resetSteps(String publicationId, PublishingStep from) {
        jdbc.sql("""
                        update publication_step set state = ?, started_at = null, ended_at = null, overdue = false
                        where publication_id = ? and position >= ?""")
                .params(StepState.NOT_STARTED.name(), publicationId, from.position())
                .update();
    }

    /** Stops whatever step is in progress (cancel, expiry). */
    void stopRunningSteps(String publicationId, Instant now) {
        jdbc.sql("update publication_step set state = ?, ended_at = ? where publication_id = ? and state = ?")
                .params(StepState.STOPPED.name(), time(now), publicationId, StepState.IN_PROGRESS.name())
                .update();
    }

    void stepOverdue(String publicationId, PublishingStep step) {
        jdbc.sql("update publication_step set overdue = true where publication_id = ? and step = ?")
                .params(publicationId, step.name()).update();
    }

    void publicationOverdue(String publicationId) {
        jdbc.sql("update publication set overdue = true where publication_id = ?").param(publicationId).update();
    }

    void status(String publicationId, PublicationStatus status, PublishingStep currentStep) {
        jdbc.sql("update publication set status = ?, current_step = ? where publication_id = ?")
                .params(status.name(), currentStep.name(), publicationId).update();
    }

    void status(String publicationId, PublicationStatus status) {
        jdbc.sql("update publication set status = ? where publication_id = ?")
                .params(status.name(), publicationId).update();
    }

    void ended(String publicationId, PublicationStatus status, Instant now) {
        jdbc.sql("update publication set status = ?, ended_at = ? where publication_id = ?")
                .params(status.name(), time(now), publicationId).update();
    }

    void processInstance(String publicationId, String processInstanceId) {
        jdbc.sql("update publication set process_instance_id = ? where publication_id = ?")
                .params(processInstanceId, publicationId).update();
    }

    /** A new snapshot (a resubmission): what step 1 pinned and later steps recorded of the old one is cleared. */
    void snapshot(String publicationId, String snapshot, int revision, String imageDigest) {
        jdbc.sql("update publication set offer_snapshot = ?, offer_revision = ?, image_digest = ?,"
                        + " scan_bytes_done = null, scan_bytes_total = null, package_digest = null,"
                        + " pinned_image = null"
                        + " where publication_id = ?")
                .params(snapshot, revision, imageDigest, publicationId).update();
    }

    void goLive(String publicationId, Instant now, String comment) {
        jdbc.sql("update publication set go_live_at = ?, outcome_comment = ? where publication_id = ?")
                .params(time(now), comment, publicationId).update();
    }

    void outcomeComment(String publicationId, String comment) {
        jdbc.sql("update publication set outcome_comment = ? where publication_id = ?")
                .params(comment, publicationId).update();
    }

    void scanProgress(String publicationId, long done, long total) {
        jdbc.sql("update publication set scan_bytes_done = ?, scan_bytes_total = ? where publication_id = ?")
                .params(done, total, publicationId).update();
    }

    /** The registry image step 1 pinned (null: none, for an uploaded image or when step 1 had findings). */
    void pinnedImage(String publicationId, String pinnedImage) {
        jdbc.sql("update publication set pinned_image = ? where publication_id = ?")
                .params(pinnedImage, publicationId).update();
    }

    void packageDigest(String publicationId, String digest) {
        jdbc.sql("update publication set package_digest = ? where publication_id = ?")
                .params(digest, publicationId).update();
    }

    /** Records the findings of a step's current attempt, replacing earlier ones of the same attempt. */
    void findings(String publicationId, PublishingStep step, List<Finding> findings, Instant now) {
        Integer attempt = jdbc.sql("select attempts from publication_step where publication_id = ? and step = ?")
                .params(publicationId, step.name()).query(Integer.class).single();
        jdbc.sql("delete from finding where publication_id = ? and step = ? and attempt = ?")
                .params(publicationId, step.name(), attempt).update();
        for (Finding f : findings) {
            jdbc.sql("""
                            insert into finding (publication_id, step, attempt, severity, field, rule, message,
                                                 suggestion, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(publicationId, step.name(), attempt, f.severity(), truncate(f.field(), 200),
                            truncate(f.rule(), 100), truncate(f.message(), 2000), truncate(f.suggestion(), 2000),
                            time(now))
                    .update();
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static final RowMapper<Publication> PUBLICATION = (rs, n) -> new Publication(
            rs.getString("publication_id"), rs.getString("offer_id"), rs.getString("publisher_org"),
            PublicationStatus.valueOf(rs.getString("status")), PublishingStep.valueOf(rs.getString("current_step")),
            new Publication.Snapshot(rs.getString("offer_snapshot"), rs.getInt("offer_revision"),
                    rs.getString("image_digest")),
            rs.getString("process_instance_id"),
            new Publication.Timeline(rs.getString("started_by"), instant(rs, "started_at"), instant(rs, "due_at"),
                    rs.getBoolean("overdue"), instant(rs, "go_live_at"), instant(rs, "ended_at"),
                    rs.getString("outcome_comment")),
            new Publication.StepResults(rs.getString("pinned_image"), rs.getObject("scan_bytes_done", Long.class),
                    rs.getObject("scan_bytes_total", Long.class), rs.getString("package_digest")));
}

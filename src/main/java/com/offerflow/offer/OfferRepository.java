package com.offerflow.offer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The {@code offer}, {@code offer_image} and {@code offer_event} tables. Offers are stored as JSON documents. */
@Repository
class OfferRepository {

    private static final String SELECT = """
            select o.offer_id, o.publisher_org, o.draft, o.revision, o.active_publication_id, o.live_publication_id,
                   o.created_by, o.created_at, o.updated_at,
                   i.archive_digest, i.archive_size, i.tags, i.uploaded_by, i.uploaded_at
            from offer o left join offer_image i on i.offer_id = o.offer_id""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    OfferRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    boolean exists(String offerId) {
        return jdbc.sql("select count(*) from offer where offer_id = ?").param(offerId).query(Integer.class)
                .single() > 0;
    }

    void insert(Offer offer) {
        jdbc.sql("""
                        insert into offer (offer_id, publisher_org, draft, revision, created_by, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(offer.offerId(), offer.publisherOrg(), write(offer.draft()), offer.revision(),
                        offer.createdBy(), time(offer.createdAt()), time(offer.updatedAt()))
                .update();
    }

    Optional<Offer> find(String offerId) {
        return jdbc.sql(SELECT + " where o.offer_id = ?").param(offerId).query(this::offer).optional();
    }

    /** The offer row locked until the transaction ends. */
    Optional<Offer> lock(String offerId) {
        jdbc.sql("select offer_id from offer where offer_id = ? for update").param(offerId)
                .query(String.class).optional();
        return find(offerId);
    }

    List<Offer> findByOrg(String publisherOrg) {
        return jdbc.sql(SELECT + " where o.publisher_org = ? order by o.offer_id").param(publisherOrg)
                .query(this::offer).list();
    }

    List<Offer> findAll() {
        return jdbc.sql(SELECT + " order by o.offer_id").query(this::offer).list();
    }

    /** Saves a new draft if the stored revision is still {@code expectedRevision}; false otherwise. */
    boolean updateDraft(String offerId, OfferDocument draft, int expectedRevision, Instant now) {
        return jdbc.sql("""
                        update offer set draft = ?, revision = revision + 1, updated_at = ?
                        where offer_id = ? and revision = ?""")
                .params(write(draft), time(now), offerId, expectedRevision)
                .update() == 1;
    }

    void saveImage(String offerId, Offer.OfferImage image) {
        int updated = jdbc.sql("""
                        update offer_image set archive_digest = ?, archive_size = ?, tags = ?, uploaded_by = ?,
                               uploaded_at = ?
                        where offer_id = ?""")
                .params(image.archiveDigest(), image.archiveSize(), write(image.tags()), image.uploadedBy(),
                        time(image.uploadedAt()), offerId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into offer_image (offer_id, archive_digest, archive_size, tags, uploaded_by, uploaded_at)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(offerId, image.archiveDigest(), image.archiveSize(), write(image.tags()),
                            image.uploadedBy(), time(image.uploadedAt()))
                    .update();
        }
    }

    /** Marks a publication as the offer's running one, unless another one runs: false then. */
    boolean claimActivePublication(String offerId, String publicationId) {
        return jdbc.sql("update offer set active_publication_id = ? where offer_id = ? and active_publication_id is null")
                .params(publicationId, offerId).update() == 1;
    }

    void releaseActivePublication(String offerId, String publicationId) {
        jdbc.sql("update offer set active_publication_id = null where offer_id = ? and active_publication_id = ?")
                .params(offerId, publicationId).update();
    }

    void livePublication(String offerId, String publicationId) {
        jdbc.sql("update offer set live_publication_id = ? where offer_id = ?").params(publicationId, offerId)
                .update();
    }

    void addEvent(String offerId, OfferEvent event) {
        jdbc.sql("""
                        insert into offer_event (offer_id, publication_id, type, detail, actor, occurred_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(offerId, event.publicationId(), event.type().name(),
                        event.detail() == null || event.detail().length() <= 2000
                                ? event.detail() : event.detail().substring(0, 1999) + "…",
                        event.actor(), time(event.occurredAt()))
                .update();
    }

    List<OfferEvent> events(String offerId) {
        return jdbc.sql("""
                        select type, publication_id, detail, actor, occurred_at from offer_event
                        where offer_id = ? order by occurred_at, event_id""")
                .param(offerId)
                .query((rs, n) -> new OfferEvent(OfferEvent.Type.valueOf(rs.getString("type")),
                        rs.getString("publication_id"), rs.getString("detail"), rs.getString("actor"),
                        instant(rs, "occurred_at")))
                .list();
    }

    OfferDocument readDocument(String value) {
        try {
            return json.readValue(value, OfferDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored offer document is unreadable", e);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private Offer offer(ResultSet rs, int row) throws SQLException {
        Offer.OfferImage image = null;
        if (rs.getString("archive_digest") != null) {
            try {
                image = new Offer.OfferImage(rs.getString("archive_digest"), rs.getLong("archive_size"),
                        json.readValue(rs.getString("tags"), new TypeReference<List<String>>() { }),
                        rs.getString("uploaded_by"), instant(rs, "uploaded_at"));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored image tags are unreadable", e);
            }
        }
        return new Offer(rs.getString("offer_id"), rs.getString("publisher_org"), readDocument(rs.getString("draft")),
                rs.getInt("revision"), image, rs.getString("active_publication_id"),
                rs.getString("live_publication_id"), rs.getString("created_by"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

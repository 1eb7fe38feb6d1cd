package com.offerflow.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerflow.offer.OfferDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code catalog_entry} table: one row per offer that went live. */
@Repository
class CatalogRepository {

    private static final String SELECT = """
            select offer_id, publisher_org, publication_id, offer, package_digest, regions, distribution,
                   published_at, updated_at
            from catalog_entry""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CatalogRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Makes the entry the offer's live version, replacing the earlier one; distribution goes on as it was. */
    void upsert(CatalogEntry entry) {
        String offer = write(entry.offer());
        int updated = jdbc.sql("""
                        update catalog_entry set publication_id = ?, offer = ?, package_digest = ?, regions = ?,
                               published_at = ?, updated_at = ?
                        where offer_id = ?""")
                .params(entry.publicationId(), offer, entry.packageDigest(), String.join(",", entry.regions()),
                        time(entry.publishedAt()), time(entry.updatedAt()), entry.offerId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into catalog_entry (offer_id, publisher_org, publication_id, offer, package_digest,
                                                       regions, distribution, published_at, updated_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(entry.offerId(), entry.publisherOrg(), entry.publicationId(), offer,
                            entry.packageDigest(), String.join(",", entry.regions()), entry.distribution().name(),
                            time(entry.publishedAt()), time(entry.updatedAt()))
                    .update();
        }
    }

    Optional<CatalogEntry> find(String offerId) {
        return jdbc.sql(SELECT + " where offer_id = ?").param(offerId).query(this::entry).optional();
    }

    /** The entry locked until the transaction ends. */
    Optional<CatalogEntry> lock(String offerId) {
        return jdbc.sql(SELECT + " where offer_id = ? for update").param(offerId).query(this::entry).optional();
    }

    List<CatalogEntry> findSelling() {
        return jdbc.sql(SELECT + " where distribution = ? order by offer_id")
                .param(CatalogEntry.Distribution.SELLING.name()).query(this::entry).list();
    }

    boolean distribution(String offerId, CatalogEntry.Distribution distribution, Instant now) {
        return jdbc.sql("update catalog_entry set distribution = ?, updated_at = ? where offer_id = ?")
                .params(distribution.name(), time(now), offerId).update() == 1;
    }

    private CatalogEntry entry(ResultSet rs, int row) throws SQLException {
        try {
            return new CatalogEntry(rs.getString("offer_id"), rs.getString("publisher_org"),
                    rs.getString("publication_id"), json.readValue(rs.getString("offer"), OfferDocument.class),
                    rs.getString("package_digest"), Arrays.asList(rs.getString("regions").split(",")),
                    CatalogEntry.Distribution.valueOf(rs.getString("distribution")),
                    instant(rs, "published_at"), instant(rs, "updated_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored catalog entry is unreadable", e);
        }
    }

    private String write(OfferDocument offer) {
        try {
            return json.writeValueAsString(offer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}

package com.offerflow.certification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerflow.scanner.report.CertificationReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** The {@code certification_report} table: the latest certification report of each publication, as JSON. */
@Repository
public class CertificationReports {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CertificationReports(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void save(String publicationId, CertificationReport report, Instant now) {
        String document;
        try {
            document = json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the certification report", e);
        }
        jdbc.sql("delete from certification_report where publication_id = ?").param(publicationId).update();
        jdbc.sql("insert into certification_report (publication_id, outcome, report, created_at) values (?, ?, ?, ?)")
                .params(publicationId, report.outcome().name(), document, now.atOffset(ZoneOffset.UTC))
                .update();
    }

    public Optional<CertificationReport> find(String publicationId) {
        return jdbc.sql("select report from certification_report where publication_id = ?").param(publicationId)
                .query(String.class).optional()
                .map(document -> {
                    try {
                        return json.readValue(document, CertificationReport.class);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("Stored certification report is unreadable", e);
                    }
                });
    }
}

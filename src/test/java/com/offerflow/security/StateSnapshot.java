package com.offerflow.security;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Everything a refused request could have changed, read straight from the database: the project's tables and the
 * engine's runtime, identity, authorization, repository and comment tables, row by row with their revisions. Two
 * snapshots taken around a refused request must be equal: "refused" means nothing changed, not only a 4xx.
 * Left out: the users' failed-login counters (a refused sign-in is meant to count), the engine's metrics and history
 * of process execution (only what people can change is compared).
 */
class StateSnapshot {

    private static final List<String> TABLES = List.of(
            "offer", "offer_image", "offer_event", "publication", "publication_step", "finding",
            "certification_report", "catalog_entry",
            "ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_IDENTITYLINK", "ACT_RU_JOB",
            "ACT_RU_EXT_TASK", "ACT_RU_INCIDENT", "ACT_RU_EVENT_SUBSCR", "ACT_RU_AUTHORIZATION", "ACT_RU_FILTER",
            "ACT_ID_USER", "ACT_ID_GROUP", "ACT_ID_MEMBERSHIP", "ACT_ID_TENANT", "ACT_RE_DEPLOYMENT",
            "ACT_RE_PROCDEF", "ACT_GE_BYTEARRAY", "ACT_HI_COMMENT", "ACT_HI_ATTACHMENT", "ACT_HI_OP_LOG");
    /** Columns that count failed sign-ins, which a refused sign-in is meant to change. */
    private static final Set<String> IGNORED = Set.of("ACT_ID_USER.ATTEMPTS_", "ACT_ID_USER.LOCK_EXP_TIME_");
    /** Byte arrays (deployed resources, serialized variables) are compared by id and revision, not read whole. */
    private static final Map<String, String> QUERIES = Map.of("ACT_GE_BYTEARRAY",
            "select ID_, REV_, NAME_, DEPLOYMENT_ID_, TYPE_ from ACT_GE_BYTEARRAY");

    private final JdbcTemplate jdbc;

    StateSnapshot(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, List<String>> capture() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            String query = QUERIES.getOrDefault(table, "select * from " + table);
            List<String> rows = new ArrayList<>(jdbc.query(query, (rs, rowNum) -> {
                ResultSetMetaData meta = rs.getMetaData();
                StringJoiner row = new StringJoiner(", ", "{", "}");
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    String name = meta.getColumnLabel(column).toUpperCase();
                    if (!IGNORED.contains(table + "." + name)) {
                        row.add(name + "=" + rs.getString(column));
                    }
                }
                return row.toString();
            }));
            rows.sort(String::compareTo);
            tables.put(table, rows);
        }
        return tables;
    }

    /** The tables whose rows differ, with the rows only one of the snapshots has. */
    static Map<String, String> differences(Map<String, List<String>> before, Map<String, List<String>> after) {
        Map<String, String> differences = new LinkedHashMap<>();
        before.forEach((table, rows) -> {
            List<String> gone = new ArrayList<>(rows);
            gone.removeAll(after.get(table));
            List<String> added = new ArrayList<>(after.get(table));
            added.removeAll(rows);
            if (!gone.isEmpty() || !added.isEmpty()) {
                differences.put(table, "before: " + gone + " after: " + added);
            }
        });
        return differences;
    }
}

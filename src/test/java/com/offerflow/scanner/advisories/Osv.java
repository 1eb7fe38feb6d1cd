package com.offerflow.scanner.advisories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** OSV advisories for the tests. */
final class Osv {

    static final String CRITICAL = "\"severity\":[{\"type\":\"CVSS_V3\",\"score\":"
            + "\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}],";
    static final String LOW = "\"severity\":[{\"type\":\"CVSS_V3\",\"score\":"
            + "\"CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N\"}],";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Osv() {
    }

    /** An advisory for one package; {@code extra} goes before {@code affected} (severity, withdrawn, ...). */
    static String advisory(String id, String ecosystem, String pkg, String extra, String events) {
        return """
                {"schema_version":"1.6.0","id":"%s","aliases":["%s-CVE"],"summary":"%s in %s",
                 %s
                 "affected":[{"package":{"ecosystem":"%s","name":"%s"},
                   "ranges":[{"type":"ECOSYSTEM","events":[%s]}]}]}
                """.formatted(id, id, id, pkg, extra, ecosystem, pkg, events);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static AdvisoryIndex index(String... advisories) {
        AdvisoryIndex.Builder b = AdvisoryIndex.builder();
        for (String a : advisories) {
            b.add(json(a));
        }
        return b.build();
    }
}

package org.venula;

/** The security scenarios on the embedded default (H2 in memory here). */
class H2SecurityIT extends SecurityScenarios {

    private String original;

    @Override
    void tamper(long entryId) {
        original = jdbc.sql("SELECT detail FROM access_log WHERE id = :id").param("id", entryId).query(String.class)
                .optional().orElse(null);
        jdbc.sql("UPDATE access_log SET detail = 'nothing to see' WHERE id = :id").param("id", entryId).update();
    }

    @Override
    void untamper(long entryId) {
        jdbc.sql("UPDATE access_log SET detail = :d WHERE id = :id").param("d", original).param("id", entryId)
                .update();
    }
}

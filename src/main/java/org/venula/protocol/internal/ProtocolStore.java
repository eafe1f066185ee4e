package org.venula.protocol.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.ProtocolVersion;

import org.venula.shared.web.StoredJson;

import tools.jackson.databind.json.JsonMapper;

/** A clinic's protocol versions. Rows are inserted, and only the {@code active} flag ever moves. */
@Repository
public class ProtocolStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final tools.jackson.databind.node.ObjectNode standard;
    private final String rowLock;
    private final Map<Long, ProtocolDocument> documents = new ConcurrentHashMap<>();
    private static final int MAX_DOCUMENTS = 10_000;
    private static final String COLUMNS = "id, version, protocol_id, name, active, created_at, created_by, note";

    ProtocolStore(JdbcClient jdbc, StoredJson stored, PresetLibrary presets, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.rowLock = isPostgresql(dataSource) ? "FOR NO KEY UPDATE" : "FOR UPDATE";
        this.json = stored.mapper();
        this.standard = this.json.valueToTree(presets.get("standard").orElseThrow());
    }

    /**
     * A stored version written before a later release added a section (say, {@code treatment}) or a parameter to a
     * section gets it from the standard preset, so an upgrade never leaves a clinic without limits. The clinic sees it on the
     * protocol page and saves a new version to change it.
     */
    private ProtocolDocument read(String document) {
        tools.jackson.databind.node.ObjectNode tree = (tools.jackson.databind.node.ObjectNode) json.readTree(document);
        return json.treeToValue(completed(tree, standard), ProtocolDocument.class);
    }

    /** A stored document with each section and parameter it lacks taken from {@code standard}; changes {@code tree}. */
    static tools.jackson.databind.node.ObjectNode completed(tools.jackson.databind.node.ObjectNode tree,
            tools.jackson.databind.node.ObjectNode standard) {
        for (String section : standard.propertyNames()) {
            if (List.of("id", "name", "description", "version").contains(section)) {
                continue;
            }
            if (!tree.hasNonNull(section)) {
                tree.set(section, standard.get(section).deepCopy());
            } else if (tree.get(section) instanceof tools.jackson.databind.node.ObjectNode stored
                    && standard.get(section) instanceof tools.jackson.databind.node.ObjectNode defaults) {
                // A parameter added to an existing section later (say booking.maintenanceRecallMonths).
                for (String field : defaults.propertyNames()) {
                    if (!stored.has(field)) {
                        stored.set(field, defaults.get(field).deepCopy());
                    }
                }
            }
        }
        return tree;
    }

    public Optional<ProtocolVersion> active(long clinicId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM protocol_version WHERE clinic_id = :c AND active")
                .param("c", clinicId).query(Row::of).optional().map(this::withDocument);
    }

    public Optional<ProtocolVersion> version(long clinicId, int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM protocol_version WHERE clinic_id = :c AND version = :v")
                .param("c", clinicId).param("v", version).query(Row::of).optional().map(this::withDocument);
    }

    public List<ProtocolVersion> all(long clinicId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM protocol_version WHERE clinic_id = :c ORDER BY version DESC")
                .param("c", clinicId).query(Row::of).list().stream().map(this::withDocument).toList();
    }

    /** A version's row without its document, which is read once per process ({@link #document(long)}). */
    private record Row(long id, int version, String protocolId, String name, boolean active, OffsetDateTime createdAt,
            String createdBy, String note) {

        static Row of(ResultSet rs, int row) throws SQLException {
            return new Row(rs.getLong("id"), rs.getInt("version"), rs.getString("protocol_id"), rs.getString("name"),
                    rs.getBoolean("active"), rs.getObject("created_at", OffsetDateTime.class),
                    rs.getString("created_by"), rs.getString("note"));
        }
    }

    private ProtocolVersion withDocument(Row r) {
        return new ProtocolVersion(r.version(), r.protocolId(), r.name(), r.active(), r.createdAt(), r.createdBy(),
                r.note(), document(r.id()));
    }

    /**
     * A stored version's document, parsed once: a row's document never changes (only {@code active} moves), and
     * reading and parsing it was two fifths of signing a session (JFR, bench/). Keyed by the row's id, which is never
     * reused, so a version inserted by a transaction that rolled back cannot stand in for a later one of the same
     * number.
     */
    private ProtocolDocument document(long id) {
        ProtocolDocument cached = documents.get(id);
        if (cached != null) {
            return cached;
        }
        ProtocolDocument read = read(jdbc.sql("SELECT document FROM protocol_version WHERE id = :id").param("id", id)
                .query(String.class).single());
        if (documents.size() >= MAX_DOCUMENTS) {
            documents.clear();
        }
        documents.put(id, read);
        return read;
    }

    /**
     * Holds the clinic's row until the caller's transaction ends, so its versions are numbered one at a time. On
     * PostgreSQL the lock is FOR NO KEY UPDATE: every insert that refers to the clinic (an access-log row, say) takes a
     * key-share lock on it, which FOR UPDATE would wait for, and two requests could deadlock.
     */
    public void lockClinic(long clinicId) {
        jdbc.sql("SELECT id FROM clinic WHERE id = :c " + rowLock).param("c", clinicId).query(Long.class).optional();
    }

    /** Adds a version and makes it the active one, in the caller's transaction. */
    public int insertActive(long clinicId, ProtocolDocument doc, String note, OffsetDateTime at, String by) {
        int next = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM protocol_version WHERE clinic_id = :c")
                .param("c", clinicId).query(Integer.class).single();
        jdbc.sql("UPDATE protocol_version SET active = FALSE WHERE clinic_id = :c AND active")
                .param("c", clinicId).update();
        ProtocolDocument stored = doc.withVersion(next);
        jdbc.sql("""
                INSERT INTO protocol_version (clinic_id, version, protocol_id, name, active, document, note, created_at, created_by)
                VALUES (:c, :v, :id, :name, TRUE, :doc, :note, :at, :by)""")
                .param("c", clinicId).param("v", next).param("id", doc.id()).param("name", doc.name())
                .param("doc", json.writeValueAsString(stored)).param("note", note).param("at", at).param("by", by)
                .update();
        return next;
    }

    /**
     * Makes {@code doc} a clinic's first version, unless the clinic has one already: requests that arrive together on
     * a new clinic insert version 1 once between them, the database's unique (clinic, version) deciding, and none of
     * them fails (the others' inserts do nothing).
     */
    public void adopt(long clinicId, ProtocolDocument doc, String note, OffsetDateTime at, String by) {
        jdbc.sql("""
                INSERT INTO protocol_version (clinic_id, version, protocol_id, name, active, document, note, created_at, created_by)
                VALUES (:c, 1, :id, :name, TRUE, :doc, :note, :at, :by) ON CONFLICT DO NOTHING""")
                .param("c", clinicId).param("id", doc.id()).param("name", doc.name())
                .param("doc", json.writeValueAsString(doc.withVersion(1))).param("note", note).param("at", at)
                .param("by", by).update();
    }

    private static boolean isPostgresql(javax.sql.DataSource dataSource) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database product", e);
        }
    }

}

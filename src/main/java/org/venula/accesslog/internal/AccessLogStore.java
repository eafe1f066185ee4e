package org.venula.accesslog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessEntry;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The access log's rows: only ever inserted (the database refuses an update or delete), read newest first. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AccessLogStore {

    private static final String INSERT = """
            INSERT INTO access_log (at, clinic_id, user_id, username, patient_id, action, detail, remote_address, channel)
            VALUES (:at, :clinic, :user, :username, :patient, :action, :detail, :address, :channel)""";
    private static final String COLUMNS = "id, at, user_id, username, patient_id, action, detail, remote_address, "
            + "channel";

    /** An entry to append. */
    public record NewEntry(OffsetDateTime at, long clinicId, Long userId, String username, Long patientId,
            AccessAction action, String detail, String remoteAddress, String channel) {
    }

    /** Which of a clinic's entries to read: one user's only, and from or to a time, when given. */
    public record Filter(long clinicId, Long userId, OffsetDateTime from, OffsetDateTime before) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    public void insert(NewEntry e) {
        batch.update(INSERT, params(e));
    }

    public void insertAll(List<NewEntry> entries) {
        batch.batchUpdate(INSERT, entries.stream().map(AccessLogStore::params).toArray(SqlParameterSource[]::new));
    }

    public List<AccessEntry> forPatient(long clinicId, long patientId, int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM access_log
                WHERE clinic_id = :clinic AND patient_id = :patient ORDER BY at DESC, id DESC
                LIMIT :limit OFFSET :offset""")
                .param("clinic", clinicId).param("patient", patientId).param("limit", limit).param("offset", offset)
                .query(AccessLogStore::entry).list();
    }

    /**
     * How many entries match, counted up to one more than {@code cap}: the log grows by every read of every record,
     * and a page needs only to say "more than" beyond that, not to read the whole clinic's log to say how many.
     */
    public long count(Filter f, int cap) {
        MapSqlParameterSource params = params(f).addValue("cap", cap + 1);
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM access_log" + where(f) + " LIMIT :cap) counted")
                .paramSource(params).query(Long.class).single();
    }

    public List<AccessEntry> page(Filter f, int limit, long offset) {
        MapSqlParameterSource params = params(f).addValue("limit", limit).addValue("offset", offset);
        return jdbc.sql("SELECT " + COLUMNS + " FROM access_log" + where(f)
                        + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset")
                .paramSource(params).query(AccessLogStore::entry).list();
    }

    private static String where(Filter f) {
        StringBuilder where = new StringBuilder(" WHERE clinic_id = :clinic");
        if (f.userId() != null) {
            where.append(" AND user_id = :user");
        }
        if (f.from() != null) {
            where.append(" AND at >= :from");
        }
        if (f.before() != null) {
            where.append(" AND at < :to");
        }
        return where.toString();
    }

    private static MapSqlParameterSource params(Filter f) {
        return new MapSqlParameterSource("clinic", f.clinicId()).addValue("user", f.userId())
                .addValue("from", f.from()).addValue("to", f.before());
    }

    private static MapSqlParameterSource params(NewEntry e) {
        return new MapSqlParameterSource()
                .addValue("at", e.at())
                .addValue("clinic", e.clinicId())
                .addValue("user", e.userId())
                .addValue("username", e.username())
                .addValue("patient", e.patientId())
                .addValue("action", e.action().name())
                .addValue("detail", e.detail())
                .addValue("address", e.remoteAddress())
                .addValue("channel", e.channel());
    }

    private static AccessEntry entry(ResultSet rs, int row) throws SQLException {
        return new AccessEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
                rs.getObject("user_id", Long.class), rs.getString("username"), rs.getObject("patient_id", Long.class),
                AccessAction.valueOf(rs.getString("action")), rs.getString("detail"),
                rs.getString("remote_address"), rs.getString("channel"));
    }
}

package org.venula.scheduling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.scheduling.WaitingEntry;
import org.venula.scheduling.rules.PathwayRules.Type;
import org.venula.shared.db.Inserts;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class WaitingListStore {

    private static final String SELECT = """
            SELECT w.*, p.given_name, p.family_name, pr.display_name AS practitioner_name FROM waiting_list w
            JOIN patient p ON p.id = w.patient_id LEFT JOIN practitioner pr ON pr.id = w.practitioner_id""";

    private final JdbcClient jdbc;

    public long insert(long clinicId, long patientId, Long practitionerId, Type type, String note, OffsetDateTime at,
            String by) {
        return Inserts.id(jdbc.sql("""
                INSERT INTO waiting_list (clinic_id, patient_id, practitioner_id, appointment_type, note, status,
                  created_at, created_by)
                VALUES (:c, :p, :pr, :type, :note, 'WAITING', :at, :by)""")
                .param("c", clinicId).param("p", patientId).param("pr", practitionerId).param("type", type.name())
                .param("note", note).param("at", at).param("by", by));
    }

    public Optional<WaitingEntry> find(long clinicId, long id) {
        return jdbc.sql(SELECT + " WHERE w.clinic_id = :c AND w.id = :id").param("c", clinicId).param("id", id)
                .query(WaitingListStore::map).optional();
    }

    /** The clinic's open entries, oldest first (first come, first offered): {@code limit} from {@code offset}. */
    public List<WaitingEntry> waiting(long clinicId, int limit, long offset) {
        return jdbc.sql(SELECT + " WHERE w.clinic_id = :c AND w.status = 'WAITING' ORDER BY w.created_at, w.id"
                        + " LIMIT :n OFFSET :offset")
                .param("c", clinicId).param("n", limit).param("offset", offset).query(WaitingListStore::map).list();
    }

    /** Open entries a freed slot of this type and practitioner suits, oldest first. */
    public List<WaitingEntry> suiting(long clinicId, Type type, long practitionerId, int limit) {
        return jdbc.sql(SELECT + " " + """
                 WHERE w.clinic_id = :c AND w.status = 'WAITING' AND w.appointment_type = :type
                   AND (w.practitioner_id IS NULL OR w.practitioner_id = :pr)
                 ORDER BY w.created_at, w.id LIMIT :n""")
                .param("c", clinicId).param("type", type.name()).param("pr", practitionerId).param("n", limit)
                .query(WaitingListStore::map).list();
    }

    public List<WaitingEntry> forPatient(long clinicId, long patientId) {
        return jdbc.sql(SELECT + " WHERE w.clinic_id = :c AND w.patient_id = :p ORDER BY w.created_at DESC, w.id DESC")
                .param("c", clinicId).param("p", patientId).query(WaitingListStore::map).list();
    }

    public boolean close(long clinicId, long id, WaitingEntry.Status status, Long appointmentId, String reason,
            OffsetDateTime at, String by) {
        return jdbc.sql("""
                UPDATE waiting_list SET status = :s, appointment_id = :a, closed_reason = :r, closed_at = :at,
                  closed_by = :by
                WHERE clinic_id = :c AND id = :id AND status = 'WAITING'""")
                .param("s", status.name()).param("a", appointmentId).param("r", reason).param("at", at).param("by", by)
                .param("c", clinicId).param("id", id).update() == 1;
    }

    private static WaitingEntry map(ResultSet rs, int n) throws SQLException {
        return new WaitingEntry(rs.getLong("id"), rs.getLong("patient_id"),
                rs.getString("given_name") + " " + rs.getString("family_name"),
                rs.getObject("practitioner_id", Long.class), rs.getString("practitioner_name"),
                Type.valueOf(rs.getString("appointment_type")), rs.getString("note"), rs.getString("status"),
                rs.getObject("appointment_id", Long.class), rs.getString("closed_reason"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"));
    }
}

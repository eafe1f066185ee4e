package org.venula.aftercare.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.aftercare.AftercarePlan;
import org.venula.aftercare.CheckIn;
import org.venula.aftercare.StoredPlan;

import org.venula.shared.web.StoredJson;
import org.venula.shared.db.Inserts;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Aftercare plans (kept when superseded) and check-ins. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AftercareStore {

    private static final String PLAN = """
            SELECT id, clinic_id, patient_id, session_id, plan_version, treatment_date, vein_types, foam_used,
              prolonged_standing, plan, token_expires_at, superseded_at, superseded_by, supersede_reason, created_at,
              created_by
            FROM aftercare_plan""";

    private final JdbcClient jdbc;
    private final StoredJson json;

    /** Where a plan's link leads: the plan and its clinic. */
    public record Linked(long clinicId, StoredPlan plan, OffsetDateTime expiresAt) {
    }

    public long insert(long clinicId, long patientId, long sessionId, LocalDate date, List<String> veinTypes,
            boolean foam, boolean standing, AftercarePlan plan, OffsetDateTime at, String by) {
        int version = jdbc.sql("SELECT COALESCE(MAX(plan_version), 0) + 1 FROM aftercare_plan WHERE session_id = :s")
                .param("s", sessionId).query(Integer.class).single();
        return Inserts.id(jdbc.sql("""
                INSERT INTO aftercare_plan (clinic_id, patient_id, session_id, plan_version, treatment_date, vein_types,
                  foam_used, prolonged_standing, protocol_id, protocol_version, plan, created_at, created_by)
                VALUES (:c, :p, :s, :v, :d, :veins, :foam, :standing, :pid, :pv, :plan, :at, :by)""")
                .param("c", clinicId).param("p", patientId).param("s", sessionId).param("v", version)
                .param("d", date).param("veins", joined(veinTypes)).param("foam", foam)
                .param("standing", standing).param("pid", plan.protocol().id()).param("pv", plan.protocol().version())
                .param("plan", json.write(plan)).param("at", at).param("by", by));
    }

    public boolean supersede(long id, String reason, OffsetDateTime at, String by) {
        return jdbc.sql("""
                UPDATE aftercare_plan SET superseded_at = :at, superseded_by = :by, supersede_reason = :reason,
                  token_hash = NULL, token_expires_at = NULL
                WHERE id = :id AND superseded_at IS NULL""")
                .param("at", at).param("by", by).param("reason", reason).param("id", id).update() == 1;
    }

    public void setToken(long id, String hash, OffsetDateTime expires) {
        jdbc.sql("UPDATE aftercare_plan SET token_hash = :h, token_expires_at = :e WHERE id = :id")
                .param("h", hash).param("e", expires).param("id", id).update();
    }

    public Optional<StoredPlan> find(long clinicId, long id) {
        return jdbc.sql(PLAN + " WHERE clinic_id = :c AND id = :id").param("c", clinicId)
                .param("id", id).query(this::plan).optional();
    }

    public List<StoredPlan> forPatient(long clinicId, long patientId) {
        return jdbc.sql(PLAN + """
                 WHERE clinic_id = :c AND patient_id = :p
                ORDER BY treatment_date DESC, session_id DESC, plan_version DESC""")
                .param("c", clinicId).param("p", patientId).query(this::plan).list();
    }

    public Optional<StoredPlan> currentForSession(long clinicId, long sessionId) {
        return jdbc.sql(PLAN + " WHERE clinic_id = :c AND session_id = :s AND superseded_at IS NULL")
                .param("c", clinicId).param("s", sessionId).query(this::plan).optional();
    }

    public Optional<Linked> byTokenHash(String hash) {
        return jdbc.sql(PLAN + " WHERE token_hash = :h AND superseded_at IS NULL")
                .param("h", hash).query((rs, n) -> new Linked(rs.getLong("clinic_id"), plan(rs, n),
                        rs.getObject("token_expires_at", OffsetDateTime.class))).optional();
    }

    private StoredPlan plan(ResultSet rs, int row) throws SQLException {
        return new StoredPlan(rs.getLong("id"), rs.getLong("patient_id"), rs.getLong("session_id"),
                rs.getInt("plan_version"), rs.getObject("treatment_date", LocalDate.class),
                split(rs.getString("vein_types")), rs.getBoolean("foam_used"),
                rs.getBoolean("prolonged_standing"), json.read(rs.getString("plan"), AftercarePlan.class),
                rs.getObject("token_expires_at", OffsetDateTime.class),
                rs.getObject("superseded_at", OffsetDateTime.class), rs.getString("superseded_by"),
                rs.getString("supersede_reason"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("created_by"));
    }

    // ---- check-ins

    public long insertCheckIn(long clinicId, long patientId, long planId, int days, List<String> symptoms, String note,
            String level, String advice, OffsetDateTime at) {
        return Inserts.id(jdbc.sql("""
                INSERT INTO check_in (clinic_id, patient_id, plan_id, days_since_treatment, symptoms, note, level, advice,
                  created_at)
                VALUES (:c, :p, :plan, :days, :symptoms, :note, :level, :advice, :at)""")
                .param("c", clinicId).param("p", patientId).param("plan", planId).param("days", days)
                .param("symptoms", joined(symptoms)).param("note", note).param("level", level)
                .param("advice", advice).param("at", at));
    }

    private static final String CHECK_IN = """
            SELECT k.id, k.patient_id, k.plan_id, k.days_since_treatment, k.symptoms, k.note, k.level, k.advice,
              k.created_at, k.acknowledged_at, k.acknowledged_by, k.acknowledgement_note,
              p.given_name || ' ' || p.family_name AS patient_name FROM check_in k
            JOIN patient p ON p.id = k.patient_id""";

    /** Check-ins above EXPECTED not yet acknowledged, most urgent and then longest waiting first. */
    public List<CheckIn> open(long clinicId, int limit, long offset) {
        return jdbc.sql(CHECK_IN + " " + """
                 WHERE k.clinic_id = :c AND k.acknowledged_at IS NULL AND k.level <> 'EXPECTED'
                ORDER BY CASE k.level WHEN 'EMERGENCY' THEN 0 WHEN 'URGENT' THEN 1 ELSE 2 END, k.created_at, k.id
                LIMIT :limit OFFSET :offset""")
                .param("c", clinicId).param("limit", limit).param("offset", offset)
                .query(AftercareStore::checkIn).list();
    }

    public List<CheckIn> checkInsOf(long clinicId, long patientId) {
        return jdbc.sql(CHECK_IN + " WHERE k.clinic_id = :c AND k.patient_id = :p ORDER BY k.created_at DESC")
                .param("c", clinicId).param("p", patientId).query(AftercareStore::checkIn).list();
    }

    public Optional<CheckIn> checkIn(long clinicId, long id) {
        return jdbc.sql(CHECK_IN + " WHERE k.clinic_id = :c AND k.id = :id").param("c", clinicId).param("id", id)
                .query(AftercareStore::checkIn).optional();
    }

    public boolean acknowledge(long clinicId, long id, String note, OffsetDateTime at, String by) {
        return jdbc.sql("""
                UPDATE check_in SET acknowledged_at = :at, acknowledged_by = :by, acknowledgement_note = :note
                WHERE clinic_id = :c AND id = :id AND acknowledged_at IS NULL""")
                .param("at", at).param("by", by).param("note", note).param("c", clinicId).param("id", id)
                .update() == 1;
    }

    private static CheckIn checkIn(ResultSet rs, int row) throws SQLException {
        return new CheckIn(rs.getLong("id"), rs.getLong("patient_id"), rs.getString("patient_name"),
                rs.getLong("plan_id"), rs.getInt("days_since_treatment"),
                split(rs.getString("symptoms")), rs.getString("note"),
                rs.getString("level"), rs.getString("advice"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("acknowledged_at", OffsetDateTime.class), rs.getString("acknowledged_by"),
                rs.getString("acknowledgement_note"));
    }

    /** A list of codes as its column keeps it: comma-separated, an empty list as an empty string. */
    private static String joined(List<String> codes) {
        return String.join(",", codes);
    }

    private static List<String> split(String column) {
        return column.isBlank() ? List.of() : Arrays.asList(column.split(","));
    }
}

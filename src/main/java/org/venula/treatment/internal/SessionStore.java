package org.venula.treatment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.protocol.ProtocolRef;
import org.venula.treatment.Compression;
import org.venula.treatment.Reactions;
import org.venula.treatment.TreatmentSession;
import org.venula.shared.db.Inserts;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Treatment sessions and their addenda, read with their injections. Every edit requires the session to be OPEN, so a
 * signed session cannot change on H2 either (PostgreSQL also has a trigger, V13), and to be at the version the
 * editor read.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SessionStore {

    private static final String SESSION = """
            SELECT s.*, r.display_name AS practitioner_name FROM treatment_session s
            JOIN practitioner r ON r.id = s.practitioner_id""";

    private final JdbcClient jdbc;
    private final InjectionStore injections;

    public record NewSession(long clinicId, long patientId, long practitionerId, Long appointmentId,
            String adHocReason, long planId, long consultationId, long screeningId, LocalDate date,
            ProtocolRef protocol, BigDecimal weightKg, List<String> restrictions, List<String> checklist,
            OffsetDateTime at, String by) {
    }

    public long insertSession(NewSession s) {
        return Inserts.id(jdbc.sql("""
                INSERT INTO treatment_session (clinic_id, patient_id, practitioner_id, appointment_id, ad_hoc_reason,
                  plan_id, consultation_id, screening_id, session_date, protocol_id, protocol_version, weight_kg,
                  restrictions, checklist, status, created_at, created_by, updated_at, updated_by)
                VALUES (:c, :patient, :practitioner, :appointment, :reason, :plan, :consultation, :screening, :date,
                  :pid, :pv, :weight, :restrictions, :checklist, 'OPEN', :at, :by, :at, :by)""")
                .param("c", s.clinicId()).param("patient", s.patientId()).param("practitioner", s.practitionerId())
                .param("appointment", s.appointmentId()).param("reason", s.adHocReason()).param("plan", s.planId())
                .param("consultation", s.consultationId()).param("screening", s.screeningId())
                .param("date", s.date()).param("pid", s.protocol().id()).param("pv", s.protocol().version())
                .param("weight", s.weightKg()).param("restrictions", String.join(",", s.restrictions()))
                .param("checklist", String.join(",", s.checklist())).param("at", s.at()).param("by", s.by()));
    }

    /** The weight recorded at the patient's latest session on or after a day, if any. */
    public Optional<BigDecimal> weightSince(long clinicId, long patientId, LocalDate since) {
        return jdbc.sql("""
                SELECT weight_kg FROM treatment_session WHERE clinic_id = :c AND patient_id = :p AND session_date >= :d
                ORDER BY session_date DESC, id DESC FETCH FIRST 1 ROWS ONLY""")
                .param("c", clinicId).param("p", patientId).param("d", since).query(BigDecimal.class).optional();
    }

    public boolean sessionForAppointment(long appointmentId) {
        return jdbc.sql("SELECT COUNT(*) FROM treatment_session WHERE appointment_id = :a")
                .param("a", appointmentId).query(Long.class).single() > 0;
    }

    /** Locks the session's row for the rest of the transaction, so charting on one session runs one at a time. */
    public void lock(long sessionId) {
        jdbc.sql("SELECT id FROM treatment_session WHERE id = :id FOR UPDATE").param("id", sessionId)
                .query(Long.class).optional();
    }

    public Optional<TreatmentSession> find(long clinicId, long id) {
        return jdbc.sql(SESSION + " WHERE s.clinic_id = :c AND s.id = :id").param("c", clinicId).param("id", id)
                .query(this::session).optional().map(this::withChildren);
    }

    public List<TreatmentSession> forPatient(long clinicId, long patientId) {
        return jdbc.sql(SESSION + " WHERE s.clinic_id = :c AND s.patient_id = :p ORDER BY s.session_date DESC, s.id DESC")
                .param("c", clinicId).param("p", patientId).query(this::session).list().stream()
                .map(this::withChildren).toList();
    }

    /** Signed sessions of a plan, counting this one if signed. */
    public int signedSessionsOfPlan(long planId) {
        return jdbc.sql("SELECT COUNT(*) FROM treatment_session WHERE plan_id = :p AND status = 'SIGNED'")
                .param("p", planId).query(Integer.class).single();
    }

    /**
     * Moves an OPEN session on one version after an injection was charted or struck out, so that the version a
     * client loaded (its ETag) stands for the whole chart, injections included. False when the session is no longer
     * open: the change beside it must not stand.
     */
    public boolean touch(long sessionId, OffsetDateTime at, String by) {
        return jdbc.sql("""
                UPDATE treatment_session SET updated_at = :at, updated_by = :by, version = version + 1
                WHERE id = :s AND status = 'OPEN'""")
                .param("at", at).param("by", by).param("s", sessionId).update() == 1;
    }

    /** Whether the session is still OPEN: an edit that changed nothing on an open session met a newer version. */
    public boolean isOpen(long sessionId) {
        return jdbc.sql("SELECT COUNT(*) FROM treatment_session WHERE id = :s AND status = 'OPEN'")
                .param("s", sessionId).query(Long.class).single() > 0;
    }

    /** Records the compression on an OPEN session still at {@code version}; false otherwise (see {@link #isOpen}). */
    public boolean setCompression(long sessionId, int version, Compression c, OffsetDateTime at, String by) {
        return jdbc.sql("""
                UPDATE treatment_session SET compression_type = :type, compression_length = :length,
                  compression_low_mmhg = :low, compression_high_mmhg = :high, compression_standard = :standard,
                  updated_at = :at, updated_by = :by, version = version + 1
                WHERE id = :s AND status = 'OPEN' AND version = :v""")
                .param("type", c.type().name()).param("length", c.length().name()).param("low", c.lowMmHg())
                .param("high", c.highMmHg()).param("standard", c.standard().name()).param("at", at)
                .param("by", by).param("s", sessionId).param("v", version).update() == 1;
    }

    /** Records the reactions on an OPEN session still at {@code version}; false otherwise (see {@link #isOpen}). */
    public boolean setReactions(long sessionId, int version, Reactions r, OffsetDateTime at, String by) {
        return jdbc.sql("""
                UPDATE treatment_session SET reactions = :reactions, reaction_action = :action,
                  updated_at = :at, updated_by = :by, version = version + 1
                WHERE id = :s AND status = 'OPEN' AND version = :v""")
                .param("reactions", String.join(",", r.reactions().stream().map(Enum::name).toList()))
                .param("action", r.action()).param("at", at).param("by", by).param("s", sessionId)
                .param("v", version).update() == 1;
    }

    /** Signs an OPEN session still at {@code version}; false otherwise (see {@link #isOpen}). */
    public boolean sign(long sessionId, int version, OffsetDateTime at, String by) {
        return jdbc.sql("""
                UPDATE treatment_session SET status = 'SIGNED', signed_at = :at, signed_by = :by,
                  updated_at = :at, updated_by = :by, version = version + 1
                WHERE id = :s AND status = 'OPEN' AND version = :v""")
                .param("at", at).param("by", by).param("s", sessionId).param("v", version).update() == 1;
    }

    public long insertAddendum(long sessionId, String reason, String text, OffsetDateTime at, String by) {
        return Inserts.id(jdbc.sql("""
                INSERT INTO session_addendum (session_id, reason, text, created_at, created_by)
                VALUES (:s, :reason, :text, :at, :by)""")
                .param("s", sessionId).param("reason", reason).param("text", text).param("at", at).param("by", by));
    }

    private TreatmentSession withChildren(TreatmentSession s) {
        List<TreatmentSession.Injection> injections = this.injections.ofSession(s.id());
        List<TreatmentSession.Addendum> addenda = jdbc.sql(
                "SELECT * FROM session_addendum WHERE session_id = :s ORDER BY id").param("s", s.id())
                .query((rs, n) -> new TreatmentSession.Addendum(rs.getLong("id"), rs.getString("reason"),
                        rs.getString("text"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getString("created_by"))).list();
        return new TreatmentSession(s.id(), s.patientId(), s.practitionerId(), s.practitionerName(),
                s.appointmentId(), s.adHocReason(), s.planId(), s.consultationId(), s.screeningId(), s.sessionDate(),
                s.protocol(), s.weightKg(), s.restrictions(), s.checklist(), s.compression(), s.reactions(),
                s.status(), s.signedAt(), s.signedBy(), s.createdAt(), s.createdBy(), s.version(), injections, addenda,
                null);
    }

    private TreatmentSession session(ResultSet rs, int row) throws SQLException {
        Compression compression = rs.getString("compression_type") == null ? null : new Compression(
                Compression.Type.valueOf(rs.getString("compression_type")),
                Compression.Length.valueOf(rs.getString("compression_length")),
                (Integer) rs.getObject("compression_low_mmhg", Integer.class),
                (Integer) rs.getObject("compression_high_mmhg", Integer.class),
                Compression.Standard.valueOf(rs.getString("compression_standard")));
        Reactions reactions = rs.getString("reactions") == null ? null : new Reactions(
                split(rs.getString("reactions")).stream().map(Reactions.Reaction::valueOf).toList(),
                rs.getString("reaction_action"));
        return new TreatmentSession(rs.getLong("id"), rs.getLong("patient_id"), rs.getLong("practitioner_id"),
                rs.getString("practitioner_name"), (Long) rs.getObject("appointment_id", Long.class),
                rs.getString("ad_hoc_reason"), rs.getLong("plan_id"), rs.getLong("consultation_id"),
                rs.getLong("screening_id"), rs.getObject("session_date", LocalDate.class),
                new ProtocolRef(rs.getString("protocol_id"), rs.getInt("protocol_version")),
                rs.getBigDecimal("weight_kg"), split(rs.getString("restrictions")), split(rs.getString("checklist")),
                compression, reactions, rs.getString("status"), rs.getObject("signed_at", OffsetDateTime.class),
                rs.getString("signed_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("created_by"), rs.getInt("version"), List.of(), List.of(), null);
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }
}

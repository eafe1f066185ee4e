package org.venula.followup.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.followup.PatientFeedback.Feedback;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Patients' answers about their courses: written once, never changed. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class FeedbackStore {

    private static final String SELECT = """
            SELECT f.*, s.session_date FROM patient_feedback f JOIN treatment_session s ON s.id = f.session_id
            """;

    private final JdbcClient jdbc;

    /** Inserts the answer; false when the session already has one (the unique key decides, under any race). */
    public boolean insert(long clinicId, long patientId, long sessionId, int satisfaction, boolean wouldRepeat,
            String comment, OffsetDateTime at, String by) {
        try {
            return jdbc.sql("""
                INSERT INTO patient_feedback (clinic_id, patient_id, session_id, satisfaction, would_repeat, comment,
                  created_at, created_by)
                VALUES (:c, :p, :s, :sat, :repeat, :comment, :at, :by) ON CONFLICT DO NOTHING""")
                    .param("c", clinicId).param("p", patientId).param("s", sessionId).param("sat", satisfaction)
                    .param("repeat", wouldRepeat).param("comment", comment).param("at", at).param("by", by)
                    .update() == 1;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    public Set<Long> answeredSessions(long clinicId, long patientId) {
        return jdbc.sql("SELECT session_id FROM patient_feedback WHERE clinic_id = :c AND patient_id = :p")
                .param("c", clinicId).param("p", patientId).query(Long.class).set().stream()
                .collect(Collectors.toSet());
    }

    /** The patient's answers, newest first. */
    public List<Feedback> forPatient(long clinicId, long patientId) {
        return jdbc.sql(SELECT + " WHERE f.clinic_id = :c AND f.patient_id = :p ORDER BY f.created_at DESC, f.id DESC")
                .param("c", clinicId).param("p", patientId).query(FeedbackStore::map).list();
    }

    private static Feedback map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Feedback(rs.getLong("id"), rs.getLong("patient_id"), rs.getLong("session_id"),
                rs.getObject("session_date", LocalDate.class), rs.getInt("satisfaction"), rs.getBoolean("would_repeat"),
                rs.getString("comment"), rs.getObject("created_at", OffsetDateTime.class));
    }

    /** The patient's answers about courses of this treatment plan, newest first. */
    public List<Feedback> forPlan(long clinicId, long patientId, long planId) {
        return jdbc.sql(SELECT + " WHERE f.clinic_id = :c AND f.patient_id = :p AND s.plan_id = :plan"
                        + " ORDER BY f.created_at DESC, f.id DESC")
                .param("c", clinicId).param("p", patientId).param("plan", planId).query(FeedbackStore::map).list();
    }

    public Optional<Feedback> forSession(long clinicId, long patientId, long sessionId) {
        return forPatient(clinicId, patientId).stream().filter(f -> f.sessionId() == sessionId).findFirst();
    }
}

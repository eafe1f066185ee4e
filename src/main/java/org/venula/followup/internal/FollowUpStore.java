package org.venula.followup.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.followup.FollowUpTask;
import org.venula.followup.rules.FollowUpSchedule.Kind;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Follow-up tasks. Whether a task is booked is read from the appointments: the patient's first appointment of the
 * matching type (review, treatment, or a consultation for a recall) made after the task, and not cancelled. So a
 * booking made in the calendar counts as much as one made from the recall list, and a cancelled one no longer does.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class FollowUpStore {

    private static final String MATCH = """
            (SELECT MIN(a.id) FROM appointment a WHERE a.clinic_id = t.clinic_id AND a.patient_id = t.patient_id
               AND a.status <> 'CANCELLED'
               AND a.appointment_type = CASE t.kind WHEN 'REVIEW' THEN 'REVIEW' WHEN 'NEXT_SESSION' THEN 'TREATMENT'
                 ELSE 'CONSULTATION' END
               AND a.created_at >= t.created_at)""";

    private static final String SELECT = """
            SELECT t.*, p.given_name || ' ' || p.family_name AS patient_name, r.display_name AS practitioner_name,
              s.session_date, b.start_at AS appointment_start, b.id AS booked_id
            FROM follow_up_task t
            JOIN patient p ON p.id = t.patient_id
            JOIN practitioner r ON r.id = t.practitioner_id
            JOIN treatment_session s ON s.id = t.session_id
            LEFT JOIN appointment b ON b.id = """ + MATCH;

    private final JdbcClient jdbc;

    public void insert(long clinicId, long patientId, long sessionId, long practitionerId, Kind kind, LocalDate from,
            LocalDate until, OffsetDateTime at, String by) {
        jdbc.sql("""
                INSERT INTO follow_up_task (clinic_id, patient_id, session_id, practitioner_id, kind, due_from, due_until,
                  status, created_at, created_by, updated_at, updated_by)
                VALUES (:c, :p, :s, :r, :kind, :from, :until, 'DUE', :at, :by, :at, :by)""")
                .param("c", clinicId).param("p", patientId).param("s", sessionId).param("r", practitionerId)
                .param("kind", kind.name()).param("from", from).param("until", until).param("at", at).param("by", by)
                .update();
    }

    /** Whether this session, or a later one of the patient's, has already set follow-up tasks. */
    public boolean followUpsSetSince(long clinicId, long patientId, long sessionId) {
        return jdbc.sql("SELECT COUNT(*) FROM follow_up_task WHERE clinic_id = :c AND patient_id = :p AND session_id >= :s")
                .param("c", clinicId).param("p", patientId).param("s", sessionId).query(Long.class).single() > 0;
    }

    /** Adds a task unless the session already has one of that kind (a review may revise what a session set). */
    public void insertIfAbsent(long clinicId, long patientId, long sessionId, long practitionerId, Kind kind,
            LocalDate from, LocalDate until, OffsetDateTime at, String by) {
        int updated = jdbc.sql("""
                UPDATE follow_up_task SET due_from = :from, due_until = :until, status = 'DUE', status_reason = NULL,
                  updated_at = :at, updated_by = :by
                WHERE session_id = :s AND kind = :kind""")
                .param("from", from).param("until", until).param("at", at).param("by", by).param("s", sessionId)
                .param("kind", kind.name()).update();
        if (updated == 0) {
            insert(clinicId, patientId, sessionId, practitionerId, kind, from, until, at, by);
        }
    }

    /** Marks the patient's still-due tasks of a kind done, because a later session fulfilled them. */
    public int complete(long clinicId, long patientId, Kind kind, long exceptSession, String reason, OffsetDateTime at,
            String by) {
        return jdbc.sql("""
                UPDATE follow_up_task SET status = 'DONE', status_reason = :reason, updated_at = :at, updated_by = :by
                WHERE clinic_id = :c AND patient_id = :p AND kind = :kind AND status = 'DUE' AND session_id <> :s""")
                .param("reason", reason).param("at", at).param("by", by).param("c", clinicId).param("p", patientId)
                .param("kind", kind.name()).param("s", exceptSession).update();
    }

    public boolean dismiss(long clinicId, long id, String reason, OffsetDateTime at, String by) {
        return jdbc.sql("""
                UPDATE follow_up_task SET status = 'DISMISSED', status_reason = :reason, updated_at = :at, updated_by = :by
                WHERE clinic_id = :c AND id = :id AND status = 'DUE'""")
                .param("reason", reason).param("at", at).param("by", by).param("c", clinicId).param("id", id)
                .update() == 1;
    }

    public void booked(long id, long appointmentId, OffsetDateTime at, String by) {
        jdbc.sql("UPDATE follow_up_task SET appointment_id = :a, updated_at = :at, updated_by = :by WHERE id = :id")
                .param("a", appointmentId).param("at", at).param("by", by).param("id", id).update();
    }

    /**
     * Reviews whose window has closed with nothing booked (the outcome audit), earliest first, at most
     * {@code limit}: a window without an end lasts {@value FollowUpTask#OPEN_WINDOW_DAYS} days.
     */
    public List<FollowUpTask> overdueReviews(long clinicId, LocalDate today, ZoneId zone, int limit) {
        return jdbc.sql(SELECT + """
                 WHERE t.clinic_id = :c AND t.status = 'DUE' AND t.due_from < :today AND t.kind = 'REVIEW'
                   AND (t.due_until < :today OR (t.due_until IS NULL AND t.due_from < :openedBy))
                   AND b.id IS NULL
                 ORDER BY t.due_from, t.id LIMIT :limit""")
                .param("c", clinicId).param("today", today)
                .param("openedBy", today.minusDays(FollowUpTask.OPEN_WINDOW_DAYS)).param("limit", limit)
                .query((rs, n) -> map(rs, today, zone)).list();
    }

    /** Tasks still due whose window opens by {@code until}, earliest first: {@code limit} from {@code offset}. */
    public List<FollowUpTask> due(long clinicId, LocalDate until, LocalDate today, ZoneId zone, int limit,
            long offset) {
        return jdbc.sql(SELECT + " WHERE t.clinic_id = :c AND t.status = 'DUE' AND t.due_from <= :until"
                + " ORDER BY t.due_from, t.id LIMIT :limit OFFSET :offset")
                .param("c", clinicId).param("until", until).param("limit", limit).param("offset", offset)
                .query((rs, n) -> map(rs, today, zone)).list();
    }

    public List<FollowUpTask> forPatient(long clinicId, long patientId, LocalDate today, ZoneId zone) {
        return jdbc.sql(SELECT + " WHERE t.clinic_id = :c AND t.patient_id = :p ORDER BY t.due_from DESC, t.id DESC")
                .param("c", clinicId).param("p", patientId).query((rs, n) -> map(rs, today, zone)).list();
    }

    public Optional<FollowUpTask> find(long clinicId, long id, LocalDate today, ZoneId zone) {
        return jdbc.sql(SELECT + " WHERE t.clinic_id = :c AND t.id = :id").param("c", clinicId).param("id", id)
                .query((rs, n) -> map(rs, today, zone)).optional();
    }

    private static FollowUpTask map(ResultSet rs, LocalDate today, ZoneId zone) throws SQLException {
        Long booked = (Long) rs.getObject("booked_id", Long.class);
        OffsetDateTime start = rs.getObject("appointment_start", OffsetDateTime.class);
        LocalDateTime local = start == null ? null : start.atZoneSameInstant(zone).toLocalDateTime();
        String status = rs.getString("status");
        LocalDate from = rs.getObject("due_from", LocalDate.class);
        LocalDate until = rs.getObject("due_until", LocalDate.class);
        LocalDate lastDay = until != null ? until : from.plusDays(FollowUpTask.OPEN_WINDOW_DAYS);
        boolean overdue = "DUE".equals(status) && booked == null && lastDay.isBefore(today);
        return new FollowUpTask(rs.getLong("id"), rs.getLong("patient_id"), rs.getString("patient_name"),
                rs.getLong("session_id"), rs.getObject("session_date", LocalDate.class), rs.getLong("practitioner_id"),
                rs.getString("practitioner_name"), Kind.valueOf(rs.getString("kind")), from, until,
                "DUE".equals(status) && booked != null ? "BOOKED" : status, rs.getString("status_reason"), booked,
                local, overdue);
    }
}

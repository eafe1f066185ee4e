package org.venula.scheduling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.scheduling.Reminders.Reminder;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The reminder outbox's rows as the booking writes them and the outbox page reads them; the sender has its own. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReminderStore {

    private final JdbcClient jdbc;

    /** A reminder to send at {@code due}, with the appointment as an iCalendar attachment. */
    public record NewReminder(long clinicId, long appointmentId, long patientId, String recipient, String subject,
            String body, String ics, OffsetDateTime due, OffsetDateTime at) {
    }

    public void insert(NewReminder r) {
        jdbc.sql("""
                INSERT INTO reminder (clinic_id, appointment_id, patient_id, recipient, subject, body, ics, due_at,
                  status, attempts, next_attempt_at, created_at)
                VALUES (:clinic, :appointment, :patient, :to, :subject, :body, :ics, :due, 'PENDING', 0, :due, :now)""")
                .param("clinic", r.clinicId()).param("appointment", r.appointmentId()).param("patient", r.patientId())
                .param("to", r.recipient()).param("subject", r.subject()).param("body", r.body())
                .param("ics", r.ics()).param("due", r.due()).param("now", r.at()).update();
    }

    /** A message of the portal's (a sign-in code, an invitation) to send now: no appointment, no calendar file. */
    public void insertMessage(long clinicId, Long patientId, String recipient, String subject, String body,
            String kind, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO reminder (clinic_id, patient_id, recipient, subject, body, kind, due_at, status, attempts,
                  next_attempt_at, created_at, code_live)
                VALUES (:clinic, :patient, :to, :subject, :body, :kind, :now, 'PENDING', 0, :now, :now, :live)""")
                .param("clinic", clinicId).param("patient", patientId).param("to", recipient)
                .param("subject", subject).param("body", body).param("kind", kind).param("now", now)
                .param("live", "SIGN_IN_CODE".equals(kind)).update();
    }

    /** The text a sign-in code's message keeps once the code is used, replaced or out of date. */
    public static final String SPENT_CODE_BODY = "(a sign-in code: its text is not kept once used, replaced or out "
            + "of date)";

    /**
     * Blanks the sign-in codes' messages to this address (a code was used or a new one made). Only live codes are
     * read ({@code reminder_live_codes}), never the whole outbox.
     */
    public void forgetCodes(long clinicId, String recipient) {
        jdbc.sql("""
                UPDATE reminder SET body = :spent, code_live = FALSE
                WHERE code_live = TRUE AND clinic_id = :clinic AND LOWER(recipient) = :to""")
                .param("spent", SPENT_CODE_BODY).param("clinic", clinicId)
                .param("to", recipient.trim().toLowerCase(java.util.Locale.ROOT)).update();
    }

    /** Blanks every sign-in code's message written before {@code before} (its code is out of date by then). */
    public int forgetCodesBefore(OffsetDateTime before) {
        return jdbc.sql("""
                UPDATE reminder SET body = :spent, code_live = FALSE WHERE code_live = TRUE AND created_at < :before""")
                .param("spent", SPENT_CODE_BODY).param("before", before).update();
    }

    /** Cancels the appointment's reminder unless it is already sent. */
    public void cancel(long appointmentId) {
        jdbc.sql("UPDATE reminder SET status = 'CANCELLED' WHERE appointment_id = :a AND status = 'PENDING'")
                .param("a", appointmentId).update();
    }

    /** The clinic's latest reminders, newest first, at most {@code limit}. */
    public List<Reminder> recent(long clinicId, int limit) {
        return jdbc.sql("""
                SELECT id, kind, appointment_id, patient_id, recipient, subject, body, due_at, status, attempts,
                  next_attempt_at, last_error, sent_at
                FROM reminder WHERE clinic_id = :c ORDER BY id DESC LIMIT :limit""")
                .param("c", clinicId).param("limit", limit).query(ReminderStore::map).list();
    }

    private static Reminder map(ResultSet rs, int row) throws SQLException {
        return new Reminder(rs.getLong("id"), rs.getString("kind"), rs.getObject("appointment_id", Long.class),
                rs.getObject("patient_id", Long.class),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                rs.getObject("due_at", OffsetDateTime.class), rs.getString("status"), rs.getInt("attempts"),
                rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getString("last_error"),
                rs.getObject("sent_at", OffsetDateTime.class));
    }
}

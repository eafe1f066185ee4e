package org.venula.scheduling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.scheduling.Appointment;
import org.venula.scheduling.rules.PathwayRules.Status;
import org.venula.scheduling.rules.PathwayRules.Type;
import org.venula.scheduling.rules.PathwayRules.Window;
import org.venula.shared.db.Inserts;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Appointments, working hours and absences. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AppointmentStore {

    private static final String SELECT = """
            SELECT a.*, p.given_name || ' ' || p.family_name AS patient_name, r.display_name AS practitioner_name
            FROM appointment a JOIN patient p ON p.id = a.patient_id JOIN practitioner r ON r.id = a.practitioner_id""";

    /**
     * The longest an appointment lasts (the database refuses longer, V31): an appointment that overlaps a period
     * starts less than this before it, so a practitioner's diary is read as one range of its index, not from the
     * first appointment the clinic ever booked.
     */
    public static final Duration LONGEST = Duration.ofHours(12);

    private final JdbcClient jdbc;

    /** Locks the practitioner's row so that bookings for one practitioner run one at a time. */
    public void lockPractitioner(long practitionerId) {
        jdbc.sql("SELECT id FROM practitioner WHERE id = :id FOR UPDATE").param("id", practitionerId)
                .query(Long.class).optional();
    }

    public boolean overlaps(long practitionerId, Instant start, Instant end, Long ignoreId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM appointment WHERE practitioner_id = :p AND status <> 'CANCELLED'
                AND start_at > :earliest AND start_at < :end AND end_at > :start AND id <> :ignore""")
                .param("p", practitionerId).param("start", utc(start)).param("end", utc(end))
                .param("earliest", utc(start.minus(LONGEST)))
                .param("ignore", ignoreId == null ? -1L : ignoreId).query(Long.class).single() > 0;
    }

    public record NewAppointment(long clinicId, long patientId, long practitionerId, Type type, Instant start,
            Instant end, String overrideRule, String overrideReason, Long rescheduledFrom, Instant at, String by,
            Status status) {
    }

    public long insert(NewAppointment a) {
        return Inserts.id(jdbc.sql("""
                INSERT INTO appointment (clinic_id, patient_id, practitioner_id, appointment_type, start_at, end_at,
                  status, override_rule, override_reason, override_by, rescheduled_from, created_at, created_by,
                  updated_at, updated_by)
                VALUES (:clinic, :patient, :practitioner, :type, :start, :end, :status, :rule, :reason, :overrideBy,
                  :from, :at, :by, :at, :by)""")
                .param("clinic", a.clinicId()).param("patient", a.patientId()).param("practitioner", a.practitionerId())
                .param("type", a.type().name()).param("status", a.status().name()).param("start", utc(a.start())).param("end", utc(a.end()))
                .param("rule", a.overrideRule()).param("reason", a.overrideReason())
                .param("overrideBy", a.overrideRule() == null ? null : a.by()).param("from", a.rescheduledFrom())
                .param("at", utc(a.at())).param("by", a.by()));
    }

    public boolean setStatus(long id, Status from, Status to, String reason, Instant at, String by) {
        return jdbc.sql("""
                UPDATE appointment SET status = :to, cancel_reason = COALESCE(:reason, cancel_reason),
                  cancelled_at = CASE WHEN :to = 'CANCELLED' THEN :at ELSE cancelled_at END,
                  cancelled_by = CASE WHEN :to = 'CANCELLED' THEN :by ELSE cancelled_by END,
                  updated_at = :at, updated_by = :by
                WHERE id = :id AND status = :from""")
                .param("to", to.name()).param("reason", reason).param("at", utc(at)).param("by", by)
                .param("id", id).param("from", from.name()).update() == 1;
    }

    public Optional<Appointment> find(long clinicId, long id, ZoneId zone) {
        return jdbc.sql(SELECT + " WHERE a.clinic_id = :c AND a.id = :id").param("c", clinicId).param("id", id)
                .query((rs, n) -> map(rs, zone)).optional();
    }

    public List<Appointment> forPatient(long clinicId, long patientId, ZoneId zone) {
        return jdbc.sql(SELECT + " WHERE a.clinic_id = :c AND a.patient_id = :p ORDER BY a.start_at")
                .param("c", clinicId).param("p", patientId).query((rs, n) -> map(rs, zone)).list();
    }

    public List<Appointment> forPractitioner(long clinicId, long practitionerId, Instant from, Instant to, ZoneId zone) {
        return jdbc.sql(SELECT + " " + """
                 WHERE a.clinic_id = :c AND a.practitioner_id = :p AND a.start_at > :earliest AND a.start_at < :to
                   AND a.end_at > :from
                 ORDER BY a.start_at""")
                .param("c", clinicId).param("p", practitionerId).param("from", utc(from)).param("to", utc(to))
                .param("earliest", utc(from.minus(LONGEST)))
                .query((rs, n) -> map(rs, zone)).list();
    }

    /**
     * The busy periods (start, end) of each of these practitioners that overlap the period: their live appointments
     * and their absences, in two statements whatever the number of practitioners (free times across a clinic).
     */
    public Map<Long, List<Instant[]>> busy(long clinicId, Collection<Long> practitionerIds, Instant from, Instant to) {
        Map<Long, List<Instant[]>> out = new HashMap<>();
        if (practitionerIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT practitioner_id, start_at, end_at FROM appointment
                WHERE clinic_id = :c AND practitioner_id IN (:ps) AND start_at > :earliest AND start_at < :to
                  AND end_at > :from AND status <> 'CANCELLED'""")
                .param("c", clinicId).param("ps", practitionerIds).param("from", utc(from)).param("to", utc(to))
                .param("earliest", utc(from.minus(LONGEST)))
                .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Instant[] {
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant()}))
                .list();
        jdbc.sql("""
                SELECT practitioner_id, start_at, end_at FROM practitioner_absence
                WHERE practitioner_id IN (:ps) AND start_at < :to AND end_at > :from""")
                .param("ps", practitionerIds).param("from", utc(from)).param("to", utc(to))
                .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Instant[] {
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant()}))
                .list();
        return out;
    }

    /** Working windows of each of these practitioners (weekday, start, end), in one statement. */
    public Map<Long, List<Object[]>> hours(Collection<Long> practitionerIds) {
        Map<Long, List<Object[]>> out = new HashMap<>();
        if (practitionerIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT practitioner_id, weekday, start_time, end_time FROM practitioner_hours"
                        + " WHERE practitioner_id IN (:ps)")
                .param("ps", practitionerIds)
                .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Object[] {
                        rs.getInt(2), rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class)}))
                .list();
        return out;
    }

    /** Working windows by ISO weekday (1 Monday … 7 Sunday); empty when none are set. */
    public List<Object[]> hours(long practitionerId) {
        return jdbc.sql("SELECT weekday, start_time, end_time FROM practitioner_hours WHERE practitioner_id = :p")
                .param("p", practitionerId)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getObject(2, LocalTime.class),
                        rs.getObject(3, LocalTime.class)})
                .list();
    }

    public void replaceHours(long practitionerId, List<Object[]> rows) {
        jdbc.sql("DELETE FROM practitioner_hours WHERE practitioner_id = :p").param("p", practitionerId).update();
        for (Object[] r : rows) {
            Window w = (Window) r[1];
            jdbc.sql("INSERT INTO practitioner_hours (practitioner_id, weekday, start_time, end_time) VALUES (:p, :d, :s, :e)")
                    .param("p", practitionerId).param("d", r[0]).param("s", w.start()).param("e", w.end()).update();
        }
    }

    public List<Instant[]> absences(long practitionerId, Instant from, Instant to) {
        return jdbc.sql("SELECT start_at, end_at FROM practitioner_absence WHERE practitioner_id = :p AND start_at < :to AND end_at > :from")
                .param("p", practitionerId).param("from", utc(from)).param("to", utc(to))
                .query((rs, n) -> new Instant[] {rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getObject(2, OffsetDateTime.class).toInstant()})
                .list();
    }

    /** Absences overlapping the period, earliest first: start, end (instants) and reason. */
    public List<Object[]> absenceRows(long practitionerId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT start_at, end_at, reason FROM practitioner_absence
                WHERE practitioner_id = :p AND start_at < :to AND end_at > :from ORDER BY start_at""")
                .param("p", practitionerId).param("from", utc(from)).param("to", utc(to))
                .query((rs, n) -> new Object[] {rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)})
                .list();
    }

    public void addAbsence(long practitionerId, Instant start, Instant end, String reason, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO practitioner_absence (practitioner_id, start_at, end_at, reason, created_at, created_by)
                VALUES (:p, :s, :e, :r, :at, :by)""")
                .param("p", practitionerId).param("s", utc(start)).param("e", utc(end)).param("r", reason)
                .param("at", utc(at)).param("by", by).update();
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static Appointment map(ResultSet rs, ZoneId zone) throws SQLException {
        return new Appointment(rs.getLong("id"), rs.getLong("patient_id"), rs.getString("patient_name"),
                rs.getLong("practitioner_id"), rs.getString("practitioner_name"),
                Type.valueOf(rs.getString("appointment_type")),
                rs.getObject("start_at", OffsetDateTime.class).atZoneSameInstant(zone).toLocalDateTime(),
                rs.getObject("end_at", OffsetDateTime.class).atZoneSameInstant(zone).toLocalDateTime(),
                Status.valueOf(rs.getString("status")), rs.getString("override_rule"), rs.getString("override_reason"),
                rs.getString("override_by"), rs.getString("cancel_reason"), rs.getObject("rescheduled_from", Long.class),
                null);
    }
}

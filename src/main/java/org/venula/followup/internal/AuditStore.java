package org.venula.followup.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The outcome audit's queries: a reporting read model over signed sessions, injections, reviews and confirmed
 * complications. Each is one aggregate statement on indexed columns (session_signed_date, complication_session,
 * review_date), so a clinic-sized period answers quickly on PostgreSQL.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AuditStore {

    private final JdbcClient jdbc;

    public record Totals(long sessions, long patients, long courses) {
    }

    public record PractitionerSessions(long practitionerId, String name, long sessions) {
    }

    public record Events(String type, long practitionerId, long sessions) {
    }

    public record Overrides(long sessions, long injections) {
    }

    private static final String PERIOD = "s.clinic_id = :c AND s.status = 'SIGNED' AND s.session_date BETWEEN :from AND :to";

    public Totals totals(long clinicId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT COUNT(*) AS n, COUNT(DISTINCT s.patient_id) AS p, COUNT(DISTINCT s.plan_id) AS k "
                + "FROM treatment_session s WHERE " + PERIOD)
                .param("c", clinicId).param("from", from).param("to", to)
                .query((rs, i) -> new Totals(rs.getLong("n"), rs.getLong("p"), rs.getLong("k"))).single();
    }

    public List<PractitionerSessions> byPractitioner(long clinicId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT s.practitioner_id, r.display_name, COUNT(*) AS n FROM treatment_session s "
                + "JOIN practitioner r ON r.id = s.practitioner_id WHERE " + PERIOD
                + " GROUP BY s.practitioner_id, r.display_name ORDER BY r.display_name")
                .param("c", clinicId).param("from", from).param("to", to)
                .query((rs, i) -> new PractitionerSessions(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
    }

    /** Sessions of the period with at least one confirmed complication of each type, by practitioner. */
    public List<Events> events(long clinicId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT k.complication_type, s.practitioner_id, COUNT(DISTINCT s.id) AS n "
                + "FROM complication k JOIN treatment_session s ON s.id = k.session_id "
                + "WHERE k.status = 'CONFIRMED' AND " + PERIOD + " GROUP BY k.complication_type, s.practitioner_id")
                .param("c", clinicId).param("from", from).param("to", to)
                .query((rs, i) -> new Events(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** Sessions of the period with at least one injection charted past a dose limit, and those injections. */
    public Overrides overrides(long clinicId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT COUNT(DISTINCT s.id) AS n, COUNT(i.id) AS k FROM session_injection i "
                + "JOIN treatment_session s ON s.id = i.session_id "
                + "WHERE i.override_codes IS NOT NULL AND i.voided_at IS NULL AND " + PERIOD)
                .param("c", clinicId).param("from", from).param("to", to)
                .query((rs, i) -> new Overrides(rs.getLong("n"), rs.getLong("k"))).single();
    }

    /** Area clearances (percent) at the first review of each course treated in the period, and at its discharge. */
    public record Clearances(List<Integer> firstReview, List<Integer> courseEnd) {
    }

    /**
     * The clearances of the courses treated in the period, read in one statement: every review of those courses
     * with its areas. The first review of a course is the earliest (each review on that day counts); its end, the
     * review that discharged it. Computed here rather than by grouping every review of the clinic in SQL, which cost
     * more than the rest of the audit together (bench/).
     */
    public Clearances clearances(long clinicId, LocalDate from, LocalDate to) {
        record Row(long plan, LocalDate on, boolean discharge, int clearance) {
        }
        List<Row> rows = jdbc.sql("WITH treated AS (SELECT DISTINCT s.plan_id FROM treatment_session s WHERE " + PERIOD
                + ") SELECT r.plan_id, r.reviewed_on, r.decision, ra.clearance_percent FROM treated t "
                + "JOIN review r ON r.plan_id = t.plan_id JOIN review_area ra ON ra.review_id = r.id")
                .param("c", clinicId).param("from", from).param("to", to)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        "DISCHARGE".equals(rs.getString(3)), rs.getInt(4)))
                .list();
        java.util.Map<Long, LocalDate> first = new java.util.HashMap<>();
        rows.forEach(r -> first.merge(r.plan(), r.on(), (x, y) -> x.isBefore(y) ? x : y));
        return new Clearances(rows.stream().filter(r -> r.on().equals(first.get(r.plan()))).map(Row::clearance)
                .toList(), rows.stream().filter(Row::discharge).map(Row::clearance).toList());
    }

    public record Satisfaction(long reviews, Double meanSatisfaction, long answered, long wouldRepeat) {
    }

    public Satisfaction satisfaction(long clinicId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT COUNT(*) AS n, AVG(CAST(satisfaction AS DOUBLE PRECISION)) AS mean,
                  COUNT(would_repeat) AS answered, SUM(CASE WHEN would_repeat THEN 1 ELSE 0 END) AS yes
                FROM review WHERE clinic_id = :c AND reviewed_on BETWEEN :from AND :to""")
                .param("c", clinicId).param("from", from).param("to", to)
                .query((rs, i) -> new Satisfaction(rs.getLong("n"), (Double) rs.getObject("mean", Double.class),
                        rs.getLong("answered"), rs.getLong("yes"))).single();
    }

    public record Completeness(long due, long reviewed) {
    }

    /**
     * Sessions of the period whose review window (session date + fromDays .. + toDays) has closed by {@code today},
     * and how many of them had a review of the patient inside it. The dates are compared in Java, which both
     * databases agree on (date arithmetic in SQL differs between H2 and PostgreSQL).
     */
    public Completeness completeness(long clinicId, LocalDate from, LocalDate to, LocalDate today, int fromDays,
            int toDays) {
        LocalDate lastClosed = today.minusDays(toDays + 1L);
        LocalDate end = to.isBefore(lastClosed) ? to : lastClosed;
        if (end.isBefore(from)) {
            return new Completeness(0, 0);
        }
        java.util.Map<Long, java.util.List<LocalDate>> reviews = new java.util.HashMap<>();
        jdbc.sql("SELECT patient_id, reviewed_on FROM review WHERE clinic_id = :c AND reviewed_on BETWEEN :from AND :to")
                .param("c", clinicId).param("from", from.plusDays(fromDays)).param("to", end.plusDays(toDays))
                .query((rs, i) -> reviews.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                        .add(rs.getObject(2, LocalDate.class))).list();
        long[] counts = new long[2];
        jdbc.sql("SELECT s.patient_id, s.session_date FROM treatment_session s WHERE " + PERIOD)
                .param("c", clinicId).param("from", from).param("to", end)
                .query(rs -> {
                    counts[0]++;
                    LocalDate day = rs.getObject(2, LocalDate.class);
                    LocalDate a = day.plusDays(fromDays);
                    LocalDate b = day.plusDays(toDays);
                    if (reviews.getOrDefault(rs.getLong(1), java.util.List.of()).stream()
                            .anyMatch(r -> !r.isBefore(a) && !r.isAfter(b))) {
                        counts[1]++;
                    }
                });
        return new Completeness(counts[0], counts[1]);
    }
}

package org.venula.followup.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.followup.Complication;
import org.venula.followup.RecordReview;
import org.venula.followup.Review;
import org.venula.followup.rules.ComplicationRules;
import org.venula.followup.rules.Stats;
import org.venula.shared.db.Inserts;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Reviews with their area results, and the complications register. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OutcomeStore {

    private final JdbcClient jdbc;

    public record NewReview(long clinicId, long patientId, long practitionerId, long planId, Long lastSessionId,
            RecordReview r, LocalDate reviewedOn, LocalDate recallOn, String timingConcerns, OffsetDateTime at,
            String by) {
    }

    public long insertReview(NewReview n) {
        RecordReview r = n.r();
        long id = Inserts.id(jdbc.sql("""
                INSERT INTO review (clinic_id, patient_id, practitioner_id, plan_id, last_session_id, reviewed_on,
                  satisfaction, would_repeat, ceap_left, ceap_right, vcss_left, vcss_right, decision, recall_on, notes,
                  reason, timing_concerns, created_at, created_by)
                VALUES (:c, :p, :pr, :plan, :s, :on, :sat, :again, :cl, :cr, :vl, :vr, :decision, :recall, :notes,
                  :reason, :concerns, :at, :by)""")
                .param("c", n.clinicId()).param("p", n.patientId()).param("pr", n.practitionerId())
                .param("plan", n.planId()).param("s", n.lastSessionId()).param("on", n.reviewedOn())
                .param("sat", r.satisfaction()).param("again", r.wouldRepeat()).param("cl", r.ceapLeft())
                .param("cr", r.ceapRight()).param("vl", r.vcssLeft()).param("vr", r.vcssRight())
                .param("decision", r.decision()).param("recall", n.recallOn())
                .param("notes", r.notes() == null || r.notes().isBlank() ? null : r.notes().trim())
                .param("reason", r.reason() == null || r.reason().isBlank() ? null : r.reason().trim())
                .param("concerns", n.timingConcerns())
                .param("at", n.at()).param("by", n.by()));
        for (RecordReview.Area a : r.areas()) {
            jdbc.sql("""
                    INSERT INTO review_area (review_id, area_id, clearance_percent, drained, drainage_note)
                    VALUES (:r, :a, :c, :d, :n)""")
                    .param("r", id).param("a", a.areaId()).param("c", a.clearancePercent())
                    .param("d", Boolean.TRUE.equals(a.drained())).param("n", a.drainageNote()).update();
        }
        return id;
    }

    public List<Review> reviews(long clinicId, long patientId) {
        return jdbc.sql("""
                SELECT r.*, p.display_name AS practitioner_name FROM review r
                JOIN practitioner p ON p.id = r.practitioner_id
                WHERE r.clinic_id = :c AND r.patient_id = :p ORDER BY r.reviewed_on DESC, r.id DESC""")
                .param("c", clinicId).param("p", patientId).query(this::review).list();
    }

    public Optional<Review> review(long clinicId, long id) {
        return jdbc.sql("""
                SELECT r.*, p.display_name AS practitioner_name FROM review r
                JOIN practitioner p ON p.id = r.practitioner_id WHERE r.clinic_id = :c AND r.id = :id""")
                .param("c", clinicId).param("id", id).query(this::review).optional();
    }

    private Review review(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<Review.AreaResult> areas = jdbc.sql("""
                SELECT ra.*, a.leg, a.region, a.aspect FROM review_area ra JOIN consultation_area a ON a.id = ra.area_id
                WHERE ra.review_id = :r ORDER BY ra.id""").param("r", id)
                .query((a, n) -> new Review.AreaResult(a.getLong("area_id"),
                        org.venula.shared.Labels.sentence(a.getString("leg")) + " " + a.getString("region").toLowerCase()
                                + ", " + a.getString("aspect").toLowerCase(),
                        a.getInt("clearance_percent"), a.getBoolean("drained"), a.getString("drainage_note"))).list();
        return new Review(id, rs.getLong("patient_id"), rs.getLong("practitioner_id"),
                rs.getString("practitioner_name"), rs.getLong("plan_id"), (Long) rs.getObject("last_session_id", Long.class),
                rs.getObject("reviewed_on", LocalDate.class), (Integer) rs.getObject("satisfaction", Integer.class),
                (Boolean) rs.getObject("would_repeat", Boolean.class), rs.getString("ceap_left"),
                rs.getString("ceap_right"), (Integer) rs.getObject("vcss_left", Integer.class),
                (Integer) rs.getObject("vcss_right", Integer.class), rs.getString("decision"),
                rs.getObject("recall_on", LocalDate.class), rs.getString("notes"), areas,
                Stats.median(areas.stream().map(Review.AreaResult::clearancePercent).toList()),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"), rs.getString("reason"),
                rs.getString("timing_concerns"));
    }

    // ---- complications

    public record NewComplication(long clinicId, long patientId, Long sessionId, Long areaId, Long checkInId,
            String type, LocalDate onsetOn, String severity, String foundBy, String management, LocalDate resolvedOn,
            ComplicationRules.Status status, boolean serious, OffsetDateTime at, String by) {
    }

    public long insertComplication(NewComplication c) {
        return Inserts.id(jdbc.sql("""
                INSERT INTO complication (clinic_id, patient_id, session_id, area_id, check_in_id, complication_type,
                  onset_on, severity, found_by, management, resolved_on, status, serious, created_at, created_by,
                  updated_at, updated_by)
                VALUES (:c, :p, :s, :a, :k, :type, :onset, :severity, :found, :management, :resolved, :status, :serious,
                  :at, :by, :at, :by)""")
                .param("c", c.clinicId()).param("p", c.patientId()).param("s", c.sessionId()).param("a", c.areaId())
                .param("k", c.checkInId()).param("type", c.type()).param("onset", c.onsetOn())
                .param("severity", c.severity()).param("found", c.foundBy()).param("management", c.management())
                .param("resolved", c.resolvedOn()).param("status", c.status().name()).param("serious", c.serious())
                .param("at", c.at()).param("by", c.by()));
    }

    public boolean proposedExists(long checkInId, String type) {
        return jdbc.sql("SELECT COUNT(*) FROM complication WHERE check_in_id = :k AND complication_type = :t")
                .param("k", checkInId).param("t", type).query(Long.class).single() > 0;
    }

    /** Confirms or rejects a proposed complication; a confirmation may correct its severity and set management. */
    public boolean decide(long clinicId, long id, ComplicationRules.Status status, String reason, String severity,
            boolean serious, String management, String severityReason, OffsetDateTime at, String by) {
        return jdbc.sql("""
                UPDATE complication SET status = :status, status_reason = :reason,
                  severity = COALESCE(:severity, severity), serious = :serious, severity_reason = :severityReason,
                  management = COALESCE(:management, management), updated_at = :at, updated_by = :by
                WHERE clinic_id = :c AND id = :id AND status = 'PROPOSED'""")
                .param("status", status.name()).param("reason", reason).param("severity", severity)
                .param("serious", serious).param("management", management).param("severityReason", severityReason)
                .param("at", at).param("by", by).param("c", clinicId).param("id", id).update() == 1;
    }

    public boolean resolve(long clinicId, long id, LocalDate on, OffsetDateTime at, String by) {
        return jdbc.sql("""
                UPDATE complication SET resolved_on = :on, updated_at = :at, updated_by = :by
                WHERE clinic_id = :c AND id = :id AND resolved_on IS NULL AND onset_on <= :on""")
                .param("on", on).param("at", at).param("by", by).param("c", clinicId).param("id", id).update() == 1;
    }

    public boolean leadReview(long clinicId, long id, String report, OffsetDateTime at, String by) {
        return jdbc.sql("""
                UPDATE complication SET lead_reviewed_at = :at, lead_reviewed_by = :by, regulator_report = :report,
                  updated_at = :at, updated_by = :by
                WHERE clinic_id = :c AND id = :id AND serious AND lead_reviewed_at IS NULL""")
                .param("at", at).param("by", by).param("report", report).param("c", clinicId).param("id", id)
                .update() == 1;
    }

    private static final String COMPLICATION = """
            SELECT k.*, p.given_name || ' ' || p.family_name AS patient_name, s.session_date FROM complication k
            JOIN patient p ON p.id = k.patient_id LEFT JOIN treatment_session s ON s.id = k.session_id""";

    public List<Complication> complications(long clinicId, long patientId) {
        return jdbc.sql(COMPLICATION + " WHERE k.clinic_id = :c AND k.patient_id = :p ORDER BY k.onset_on DESC, k.id DESC")
                .param("c", clinicId).param("p", patientId).query(this::complication).list();
    }

    public Optional<Complication> complication(long clinicId, long id) {
        return jdbc.sql(COMPLICATION + " WHERE k.clinic_id = :c AND k.id = :id").param("c", clinicId).param("id", id)
                .query(this::complication).optional();
    }

    /** Proposed complications waiting for a clinician, and serious ones the clinic lead has not reviewed. */
    public List<Complication> waiting(long clinicId, int limit, long offset) {
        return jdbc.sql(COMPLICATION + " " + """
                 WHERE k.clinic_id = :c AND (k.status = 'PROPOSED' OR (k.serious AND k.status = 'CONFIRMED'
                   AND k.lead_reviewed_at IS NULL)) ORDER BY k.serious DESC, k.created_at, k.id
                LIMIT :limit OFFSET :offset""")
                .param("c", clinicId).param("limit", limit).param("offset", offset)
                .query(this::complication).list();
    }

    private Complication complication(ResultSet rs, int row) throws SQLException {
        Long session = (Long) rs.getObject("session_id", Long.class);
        Long area = (Long) rs.getObject("area_id", Long.class);
        List<String> lots = session == null ? List.of() : jdbc.sql("""
                SELECT DISTINCT l.lot_number FROM session_injection i JOIN sclerosant_lot l ON l.id = i.lot_id
                WHERE i.session_id = :s AND i.voided_at IS NULL AND (:anyArea OR i.area_id = :area)
                ORDER BY l.lot_number""")
                .param("s", session).param("anyArea", area == null)
                .param("area", area == null ? -1L : area).query(String.class).list();
        return new Complication(rs.getLong("id"), rs.getLong("patient_id"), rs.getString("patient_name"), session,
                rs.getObject("session_date", LocalDate.class), area, (Long) rs.getObject("check_in_id", Long.class),
                rs.getString("complication_type"), rs.getObject("onset_on", LocalDate.class), rs.getString("severity"),
                rs.getString("found_by"), rs.getString("management"), rs.getObject("resolved_on", LocalDate.class),
                rs.getString("status"), rs.getString("status_reason"), rs.getBoolean("serious"),
                rs.getObject("lead_reviewed_at", OffsetDateTime.class), rs.getString("lead_reviewed_by"),
                rs.getString("regulator_report"), lots, rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("created_by"), rs.getString("severity_reason"));
    }

}

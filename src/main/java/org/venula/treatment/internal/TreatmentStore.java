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
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.venula.protocol.ProtocolRef;
import org.venula.treatment.Compression;
import org.venula.treatment.Lot;
import org.venula.treatment.LotRecipient;
import org.venula.treatment.NewLot;
import org.venula.treatment.Reactions;
import org.venula.treatment.TreatmentSession;

/**
 * Lots, sessions, injections and addenda. Every statement that changes a session or an injection requires the
 * session to be OPEN, so a signed session cannot change on H2 either (PostgreSQL also has a trigger, V13).
 */
@Repository
public class TreatmentStore {

    private final JdbcClient jdbc;

    TreatmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- lots

    public long insertLot(long clinicId, NewLot lot, LocalDate receivedOn, OffsetDateTime at, String by) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sclerosant_lot (clinic_id, agent, product, strength_percent, lot_number, expiry_date,
                  received_on, quantity, created_at, created_by)
                VALUES (:c, :agent, :product, :strength, :lot, :expiry, :received, :quantity, :at, :by)""")
                .param("c", clinicId).param("agent", lot.agent()).param("product", lot.product().trim())
                .param("strength", lot.strengthPercent()).param("lot", lot.lotNumber().trim())
                .param("expiry", lot.expiryDate()).param("received", receivedOn).param("quantity", lot.quantity())
                .param("at", at).param("by", by).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    public boolean lotExists(long clinicId, String agent, String lotNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM sclerosant_lot WHERE clinic_id = :c AND agent = :a AND lot_number = :n")
                .param("c", clinicId).param("a", agent).param("n", lotNumber).query(Long.class).single() > 0;
    }

    public boolean lotNumberExists(long clinicId, String lotNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM sclerosant_lot WHERE clinic_id = :c AND lot_number = :n")
                .param("c", clinicId).param("n", lotNumber).query(Long.class).single() > 0;
    }

    public List<Lot> lots(long clinicId) {
        return jdbc.sql("SELECT * FROM sclerosant_lot WHERE clinic_id = :c ORDER BY agent, strength_percent, expiry_date")
                .param("c", clinicId).query(TreatmentStore::lot).list();
    }

    public Optional<Lot> lot(long clinicId, long id) {
        return jdbc.sql("SELECT * FROM sclerosant_lot WHERE clinic_id = :c AND id = :id")
                .param("c", clinicId).param("id", id).query(TreatmentStore::lot).optional();
    }

    public boolean recall(long clinicId, long id, String reason, OffsetDateTime at, String by) {
        return jdbc.sql("""
                UPDATE sclerosant_lot SET recalled_at = :at, recalled_by = :by, recall_reason = :reason
                WHERE clinic_id = :c AND id = :id AND recalled_at IS NULL""")
                .param("at", at).param("by", by).param("reason", reason).param("c", clinicId).param("id", id)
                .update() == 1;
    }

    /** Every session, signed or open, in which a patient of the clinic received a lot with this number. */
    public List<LotRecipient> recipients(long clinicId, String lotNumber) {
        return jdbc.sql("""
                SELECT p.id AS patient_id, p.given_name || ' ' || p.family_name AS patient_name, p.nhs_number,
                  s.id AS session_id, s.session_date, l.id AS lot_id, l.agent, l.strength_percent,
                  COUNT(*) AS injections, SUM(i.volume_ml) AS volume_ml, s.status
                FROM sclerosant_lot l
                JOIN session_injection i ON i.lot_id = l.id AND i.voided_at IS NULL
                JOIN treatment_session s ON s.id = i.session_id
                JOIN patient p ON p.id = s.patient_id
                WHERE l.clinic_id = :c AND l.lot_number = :n
                GROUP BY p.id, p.given_name, p.family_name, p.nhs_number, s.id, s.session_date, l.id, l.agent,
                  l.strength_percent, s.status
                ORDER BY s.session_date, s.id, l.id""")
                .param("c", clinicId).param("n", lotNumber)
                .query((rs, n) -> new LotRecipient(rs.getLong("patient_id"), rs.getString("patient_name"),
                        rs.getString("nhs_number"), rs.getLong("session_id"),
                        rs.getObject("session_date", LocalDate.class), rs.getLong("lot_id"), rs.getString("agent"),
                        rs.getBigDecimal("strength_percent").stripTrailingZeros(), rs.getInt("injections"),
                        rs.getBigDecimal("volume_ml").stripTrailingZeros(), rs.getString("status")))
                .list();
    }

    private static Lot lot(ResultSet rs, int row) throws SQLException {
        return new Lot(rs.getLong("id"), rs.getString("agent"), rs.getString("product"),
                rs.getBigDecimal("strength_percent").stripTrailingZeros(), rs.getString("lot_number"),
                rs.getObject("expiry_date", LocalDate.class), rs.getObject("received_on", LocalDate.class),
                rs.getInt("quantity"), rs.getObject("recalled_at", OffsetDateTime.class), rs.getString("recalled_by"),
                rs.getString("recall_reason"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("created_by"));
    }

    // ---- sessions

    public record NewSession(long clinicId, long patientId, long practitionerId, Long appointmentId,
            String adHocReason, long planId, long consultationId, long screeningId, LocalDate date,
            ProtocolRef protocol, BigDecimal weightKg, List<String> restrictions, List<String> checklist,
            OffsetDateTime at, String by) {
    }

    public long insertSession(NewSession s) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
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
                .param("checklist", String.join(",", s.checklist())).param("at", s.at()).param("by", s.by())
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
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

    /** The counting injections of the patient's other sessions on a day, for the daily dose. */
    public List<TreatmentSession.Injection> otherInjectionsOn(long clinicId, long patientId, LocalDate day,
            long exceptSession) {
        return jdbc.sql(INJECTION + " " + """
                 JOIN treatment_session s ON s.id = i.session_id
                WHERE s.clinic_id = :c AND s.patient_id = :p AND s.session_date = :d AND s.id <> :except
                  AND i.voided_at IS NULL ORDER BY i.id""")
                .param("c", clinicId).param("p", patientId).param("d", day).param("except", exceptSession)
                .query(TreatmentStore::injection).list();
    }

    public record NewInjection(long sessionId, long areaId, BigDecimal x, BigDecimal y, String view, String agent,
            long lotId, BigDecimal concentrationPercent, String form, Integer liquidParts, Integer gasParts,
            String gas, BigDecimal volumeMl, int needleGauge, String veinType, boolean ultrasound,
            String overrideCodes, String overrideReason, OffsetDateTime at, String by) {
    }

    /** Adds an injection to an OPEN session; false when the session is signed. */
    public boolean insertInjection(NewInjection i) {
        return jdbc.sql("""
                INSERT INTO session_injection (session_id, seq, area_id, point_x, point_y, view_side, agent, lot_id,
                  concentration_percent, form, liquid_parts, gas_parts, gas, volume_ml, needle_gauge, vein_type,
                  ultrasound, override_codes, override_reason, created_at, created_by)
                SELECT :s, (SELECT COALESCE(MAX(seq), 0) + 1 FROM session_injection WHERE session_id = :s), :area,
                  :x, :y, :view, :agent, :lot, :conc, :form, :lp, :gp, :gas, :vol, :gauge, :vein, :us, :oc, :or,
                  :at, :by
                FROM treatment_session WHERE id = :s AND status = 'OPEN'""")
                .param("s", i.sessionId()).param("area", i.areaId()).param("x", i.x()).param("y", i.y())
                .param("view", i.view()).param("agent", i.agent()).param("lot", i.lotId())
                .param("conc", i.concentrationPercent()).param("form", i.form()).param("lp", i.liquidParts())
                .param("gp", i.gasParts()).param("gas", i.gas()).param("vol", i.volumeMl())
                .param("gauge", i.needleGauge()).param("vein", i.veinType()).param("us", i.ultrasound())
                .param("oc", i.overrideCodes()).param("or", i.overrideReason()).param("at", i.at())
                .param("by", i.by()).update() == 1;
    }

    public boolean voidInjection(long sessionId, long injectionId, String reason, OffsetDateTime at, String by) {
        return jdbc.sql("""
                UPDATE session_injection SET voided_at = :at, voided_by = :by, void_reason = :reason
                WHERE id = :i AND session_id = :s AND voided_at IS NULL
                  AND EXISTS (SELECT 1 FROM treatment_session t WHERE t.id = :s AND t.status = 'OPEN')""")
                .param("at", at).param("by", by).param("reason", reason).param("i", injectionId)
                .param("s", sessionId).update() == 1;
    }

    public boolean setCompression(long sessionId, Compression c, OffsetDateTime at, String by) {
        return jdbc.sql("""
                UPDATE treatment_session SET compression_type = :type, compression_length = :length,
                  compression_low_mmhg = :low, compression_high_mmhg = :high, compression_standard = :standard,
                  updated_at = :at, updated_by = :by, version = version + 1
                WHERE id = :s AND status = 'OPEN'""")
                .param("type", c.type().name()).param("length", c.length().name()).param("low", c.lowMmHg())
                .param("high", c.highMmHg()).param("standard", c.standard().name()).param("at", at)
                .param("by", by).param("s", sessionId).update() == 1;
    }

    public boolean setReactions(long sessionId, Reactions r, OffsetDateTime at, String by) {
        return jdbc.sql("""
                UPDATE treatment_session SET reactions = :reactions, reaction_action = :action,
                  updated_at = :at, updated_by = :by, version = version + 1
                WHERE id = :s AND status = 'OPEN'""")
                .param("reactions", String.join(",", r.reactions().stream().map(Enum::name).toList()))
                .param("action", r.action()).param("at", at).param("by", by).param("s", sessionId).update() == 1;
    }

    public boolean sign(long sessionId, OffsetDateTime at, String by) {
        return jdbc.sql("""
                UPDATE treatment_session SET status = 'SIGNED', signed_at = :at, signed_by = :by,
                  updated_at = :at, updated_by = :by, version = version + 1
                WHERE id = :s AND status = 'OPEN'""")
                .param("at", at).param("by", by).param("s", sessionId).update() == 1;
    }

    public long insertAddendum(long sessionId, String reason, String text, OffsetDateTime at, String by) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO session_addendum (session_id, reason, text, created_at, created_by)
                VALUES (:s, :reason, :text, :at, :by)""")
                .param("s", sessionId).param("reason", reason).param("text", text).param("at", at).param("by", by)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    private static final String SESSION = """
            SELECT s.*, r.display_name AS practitioner_name FROM treatment_session s
            JOIN practitioner r ON r.id = s.practitioner_id""";

    private static final String INJECTION = """
            SELECT i.*, l.lot_number, a.leg, a.region, a.aspect FROM session_injection i
            JOIN sclerosant_lot l ON l.id = i.lot_id JOIN consultation_area a ON a.id = i.area_id""";

    private TreatmentSession withChildren(TreatmentSession s) {
        List<TreatmentSession.Injection> injections = jdbc.sql(INJECTION + " WHERE i.session_id = :s ORDER BY i.seq")
                .param("s", s.id()).query(TreatmentStore::injection).list();
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

    private static TreatmentSession.Injection injection(ResultSet rs, int row) throws SQLException {
        String label = org.venula.shared.Labels.sentence(rs.getString("leg")) + " "
                + rs.getString("region").toLowerCase() + ", " + rs.getString("aspect").toLowerCase();
        return new TreatmentSession.Injection(rs.getLong("id"), rs.getInt("seq"), rs.getLong("area_id"), label,
                rs.getBigDecimal("point_x"), rs.getBigDecimal("point_y"), rs.getString("view_side"),
                rs.getString("agent"), rs.getLong("lot_id"), rs.getString("lot_number"),
                rs.getBigDecimal("concentration_percent").stripTrailingZeros(), rs.getString("form"),
                (Integer) rs.getObject("liquid_parts", Integer.class), (Integer) rs.getObject("gas_parts", Integer.class),
                rs.getString("gas"), rs.getBigDecimal("volume_ml").stripTrailingZeros(), rs.getInt("needle_gauge"),
                rs.getString("vein_type"), rs.getBoolean("ultrasound"), rs.getString("override_codes"),
                rs.getString("override_reason"), rs.getObject("voided_at", OffsetDateTime.class),
                rs.getString("voided_by"), rs.getString("void_reason"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"));
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }
}

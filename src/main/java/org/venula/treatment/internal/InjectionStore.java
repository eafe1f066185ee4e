package org.venula.treatment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.protocol.VeinType;
import org.venula.shared.Labels;
import org.venula.treatment.ChartInjection;
import org.venula.treatment.TreatmentSession;
import org.venula.treatment.rules.DoseCheck;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * A session's injections, each with its lot and mapped area. Adding or striking out an injection requires the
 * session to be OPEN, so a signed session cannot change on H2 either (PostgreSQL also has a trigger, V13).
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class InjectionStore {

    private static final String INJECTION = """
            SELECT i.*, l.lot_number, a.leg, a.region, a.aspect FROM session_injection i
            JOIN sclerosant_lot l ON l.id = i.lot_id JOIN consultation_area a ON a.id = i.area_id""";

    private final JdbcClient jdbc;

    /** Every injection of a session, struck out or not, in the order charted. */
    public List<TreatmentSession.Injection> ofSession(long sessionId) {
        return jdbc.sql(INJECTION + " WHERE i.session_id = :s ORDER BY i.seq").param("s", sessionId)
                .query(InjectionStore::injection).list();
    }

    /** The counting injections of the patient's other sessions on a day, for the daily dose. */
    public List<TreatmentSession.Injection> otherInjectionsOn(long clinicId, long patientId, LocalDate day,
            long exceptSession) {
        return jdbc.sql(INJECTION + " " + """
                 JOIN treatment_session s ON s.id = i.session_id
                WHERE s.clinic_id = :c AND s.patient_id = :p AND s.session_date = :d AND s.id <> :except
                  AND i.voided_at IS NULL ORDER BY i.id""")
                .param("c", clinicId).param("p", patientId).param("d", day).param("except", exceptSession)
                .query(InjectionStore::injection).list();
    }

    /** An injection to add; {@code gas} is null for a liquid. */
    public record NewInjection(long sessionId, long areaId, BigDecimal x, BigDecimal y, String view, String agent,
            long lotId, BigDecimal concentrationPercent, DoseCheck.Form form, Integer liquidParts, Integer gasParts,
            ChartInjection.Gas gas, BigDecimal volumeMl, int needleGauge, VeinType veinType, boolean ultrasound,
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
                .param("conc", i.concentrationPercent()).param("form", i.form().name()).param("lp", i.liquidParts())
                .param("gp", i.gasParts()).param("gas", i.gas() == null ? null : i.gas().name()).param("vol", i.volumeMl())
                .param("gauge", i.needleGauge()).param("vein", i.veinType().name()).param("us", i.ultrasound())
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

    private static TreatmentSession.Injection injection(ResultSet rs, int row) throws SQLException {
        String label = Labels.sentence(rs.getString("leg")) + " "
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
}

package org.venula.planning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.planning.TreatmentPlan;
import org.venula.planning.TreatmentPlan.ConsentRecord;
import org.venula.planning.rules.Quote;
import org.venula.protocol.ProtocolRef;

import org.venula.shared.web.StoredJson;
import org.venula.shared.db.Inserts;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Plans and consents. Both are inserted once; a consent is only ever marked withdrawn, never removed. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PlanStore {

    private final JdbcClient jdbc;
    private final StoredJson json;

    public long insert(long clinicId, long patientId, long consultationId, ProtocolRef protocol, int sessions,
            int intervalDays, TreatmentPlan.Details details, Quote quote, OffsetDateTime at, String by) {
        return Inserts.id(jdbc.sql("""
                INSERT INTO treatment_plan (clinic_id, patient_id, consultation_id, protocol_id, protocol_version,
                  sessions, interval_days, plan, quote, currency, total, valid_until, created_at, created_by)
                VALUES (:clinic, :patient, :c, :pid, :pv, :sessions, :interval, :plan, :quote, :currency, :total,
                  :valid, :at, :by)""")
                .param("clinic", clinicId).param("patient", patientId).param("c", consultationId)
                .param("pid", protocol.id()).param("pv", protocol.version()).param("sessions", sessions)
                .param("interval", intervalDays).param("plan", json.write(details))
                .param("quote", json.write(quote)).param("currency", quote.currency())
                .param("total", quote.total()).param("valid", quote.validUntil()).param("at", at).param("by", by));
    }

    public Optional<TreatmentPlan> find(long clinicId, long planId) {
        return jdbc.sql("SELECT * FROM treatment_plan WHERE clinic_id = :c AND id = :id")
                .param("c", clinicId).param("id", planId).query(this::map).optional();
    }

    public List<TreatmentPlan> forPatient(long clinicId, long patientId) {
        return jdbc.sql("SELECT * FROM treatment_plan WHERE clinic_id = :c AND patient_id = :p ORDER BY id DESC")
                .param("c", clinicId).param("p", patientId).query(this::map).list();
    }

    public long insertConsent(long clinicId, long patientId, long planId, String textVersion, String text,
            String typedName, LocalDate on, long witness, OffsetDateTime at, String by) {
        return Inserts.id(jdbc.sql("""
                INSERT INTO consent (clinic_id, patient_id, plan_id, text_version, consent_text, patient_typed_name,
                  consented_on, witness_practitioner_id, created_at, created_by)
                VALUES (:clinic, :patient, :plan, :version, :text, :name, :on, :witness, :at, :by)""")
                .param("clinic", clinicId).param("patient", patientId).param("plan", planId)
                .param("version", textVersion).param("text", text).param("name", typedName).param("on", on)
                .param("witness", witness).param("at", at).param("by", by));
    }

    /** Consent the patient gave at home in the portal: no witness until a clinician confirms it in the room. */
    public long insertConsentAtHome(long clinicId, long patientId, long planId, String textVersion, String text,
            String typedName, LocalDate on, OffsetDateTime at, String by) {
        return Inserts.id(jdbc.sql("""
                INSERT INTO consent (clinic_id, patient_id, plan_id, text_version, consent_text, patient_typed_name,
                  consented_on, channel, created_at, created_by)
                VALUES (:clinic, :patient, :plan, :version, :text, :name, :on, 'PORTAL', :at, :by)""")
                .param("clinic", clinicId).param("patient", patientId).param("plan", planId)
                .param("version", textVersion).param("text", text).param("name", typedName).param("on", on)
                .param("at", at).param("by", by));
    }

    /** A clinician confirms a consent given at home, as its witness; false when it was confirmed or withdrawn. */
    public boolean confirmConsent(long planId, long consentId, long witness, OffsetDateTime at, String by) {
        return jdbc.sql("""
                UPDATE consent SET confirmed_at = :at, confirmed_by = :by, witness_practitioner_id = :witness
                WHERE id = :id AND plan_id = :plan AND channel = 'PORTAL' AND confirmed_at IS NULL
                  AND withdrawn_at IS NULL""")
                .param("at", at).param("by", by).param("witness", witness).param("id", consentId)
                .param("plan", planId).update() == 1;
    }

    public boolean withdrawConsent(long planId, long consentId, String reason, OffsetDateTime at, String by) {
        return jdbc.sql("""
                UPDATE consent SET withdrawn_at = :at, withdrawn_by = :by, withdrawal_reason = :reason
                WHERE id = :id AND plan_id = :plan AND withdrawn_at IS NULL""")
                .param("at", at).param("by", by).param("reason", reason).param("id", consentId).param("plan", planId)
                .update() == 1;
    }

    private List<ConsentRecord> consents(long planId) {
        return jdbc.sql("""
                SELECT k.*, p.display_name AS witness_name FROM consent k
                LEFT JOIN practitioner p ON p.id = k.witness_practitioner_id WHERE k.plan_id = :plan
                ORDER BY k.id DESC""")
                .param("plan", planId)
                .query((rs, n) -> new ConsentRecord(rs.getLong("id"), rs.getString("text_version"),
                        rs.getString("consent_text"), rs.getString("patient_typed_name"),
                        rs.getObject("consented_on", LocalDate.class), rs.getObject("witness_practitioner_id",
                        Long.class), rs.getString("witness_name"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getString("created_by"), rs.getObject("withdrawn_at", OffsetDateTime.class),
                        rs.getString("withdrawn_by"), rs.getString("withdrawal_reason"), rs.getString("channel"),
                        rs.getObject("confirmed_at", OffsetDateTime.class), rs.getString("confirmed_by")))
                .list();
    }

    private TreatmentPlan map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        return new TreatmentPlan(id, rs.getLong("patient_id"), rs.getLong("consultation_id"),
                new ProtocolRef(rs.getString("protocol_id"), rs.getInt("protocol_version")), rs.getInt("sessions"),
                rs.getInt("interval_days"), json.read(rs.getString("plan"), TreatmentPlan.Details.class),
                json.read(rs.getString("quote"), Quote.class), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("created_by"), consents(id));
    }
}

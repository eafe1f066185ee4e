package org.venula.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.assessment.Consultation;
import org.venula.assessment.Consultation.MappedArea;
import org.venula.assessment.Consultation.OutcomeOverride;
import org.venula.assessment.ConsultationRequest;
import org.venula.assessment.ConsultationRequest.AreaEntry;
import org.venula.assessment.rules.ConsultationOutcome;
import org.venula.assessment.rules.ConsultationOutcomeRule;
import org.venula.assessment.rules.LegMapTerms.AreaSize;
import org.venula.assessment.rules.LegMapTerms.Aspect;
import org.venula.assessment.rules.LegMapTerms.Leg;
import org.venula.assessment.rules.LegMapTerms.Region;
import org.venula.assessment.rules.LegMapTerms.Symptom;
import org.venula.protocol.VeinType;
import org.venula.patient.DuplexResult;
import org.venula.screening.rules.Area;

import tools.jackson.core.type.TypeReference;
import org.venula.shared.web.StoredJson;
import org.venula.shared.db.Inserts;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Consultations and their mapped areas. A consultation is inserted once; only an override is added later, once. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ConsultationStore {

    private final JdbcClient jdbc;
    private final StoredJson json;

    public record NewConsultation(long clinicId, long patientId, long practitionerId, LocalDate consultedOn,
            Area area, Long screeningId, ConsultationRequest request, ConsultationOutcomeRule.Derived derived,
            Integer historyVersion, OffsetDateTime at, String by) {
    }

    public long insert(NewConsultation c) {
        ConsultationRequest r = c.request();
        boolean override = r.override() != null && r.override().outcome() != null;
        long id = Inserts.id(jdbc.sql("""
                INSERT INTO consultation (clinic_id, patient_id, practitioner_id, consulted_on, area, screening_id,
                  standing_examination, doppler_done, duplex_done, reflux_result, reflux_segments,
                  visible_varicose_veins, ceap, vcss, symptoms, notes, derived_outcome, reasons, override_outcome,
                  override_reason, override_by, override_at, history_version, created_at, created_by)
                VALUES (:clinic, :patient, :practitioner, :on, :area, :screening, :standing, :doppler, :duplex, :reflux,
                  :segments, :varicose, :ceap, :vcss, :symptoms, :notes, :derived, :reasons, :ovOutcome, :ovReason,
                  :ovBy, :ovAt, :history, :at, :by)""")
                .param("clinic", c.clinicId()).param("patient", c.patientId()).param("practitioner", c.practitionerId())
                .param("on", c.consultedOn()).param("area", c.area().name()).param("screening", c.screeningId())
                .param("standing", r.standingExamination()).param("doppler", r.dopplerDone())
                .param("duplex", r.duplexDone())
                .param("reflux", r.refluxResult() == null || r.refluxResult() == DuplexResult.NOT_DONE ? null
                        : r.refluxResult().name())
                .param("segments", blank(r.refluxSegments())).param("varicose", r.visibleVaricoseVeins())
                .param("ceap", json.write(r.ceap()))
                .param("vcss", r.vcss() == null ? null : json.write(r.vcss()))
                .param("symptoms", r.symptoms() == null ? "" : r.symptoms().stream().distinct().map(Enum::name)
                        .collect(Collectors.joining(",")))
                .param("notes", blank(r.notes())).param("derived", c.derived().outcome().name())
                .param("reasons", json.write(c.derived().reasons()))
                .param("ovOutcome", override ? r.override().outcome().name() : null)
                .param("ovReason", override ? r.override().reason().trim() : null)
                .param("ovBy", override ? c.by() : null).param("ovAt", override ? c.at() : null)
                .param("history", c.historyVersion()).param("at", c.at()).param("by", c.by()));
        if (r.areas() != null) {
            for (AreaEntry a : r.areas()) {
                jdbc.sql("""
                        INSERT INTO consultation_area (consultation_id, leg, region, aspect, vein_type, size, note)
                        VALUES (:c, :leg, :region, :aspect, :type, :size, :note)""")
                        .param("c", id).param("leg", a.leg().name()).param("region", a.region().name())
                        .param("aspect", a.aspect().name()).param("type", a.veinType().name())
                        .param("size", a.size().name()).param("note", blank(a.note())).update();
            }
        }
        return id;
    }

    /** Records an override if none is there yet; returns whether this call recorded it. */
    public boolean override(long id, ConsultationOutcome outcome, String reason, String by, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE consultation SET override_outcome = :o, override_reason = :r, override_by = :by, override_at = :at
                WHERE id = :id AND override_outcome IS NULL""")
                .param("o", outcome.name()).param("r", reason).param("by", by).param("at", at).param("id", id)
                .update() == 1;
    }

    public Optional<Consultation> find(long clinicId, long id) {
        return jdbc.sql(SELECT + " WHERE c.clinic_id = :clinic AND c.id = :id")
                .param("clinic", clinicId).param("id", id).query(this::map).optional();
    }

    public List<Consultation> forPatient(long clinicId, long patientId) {
        return jdbc.sql(SELECT + " WHERE c.clinic_id = :clinic AND c.patient_id = :p ORDER BY c.consulted_on DESC, c.id DESC")
                .param("clinic", clinicId).param("p", patientId).query(this::map).list();
    }

    private static final String SELECT = """
            SELECT c.*, p.display_name AS practitioner_name FROM consultation c
            JOIN practitioner p ON p.id = c.practitioner_id""";

    private List<MappedArea> areas(long consultationId) {
        return jdbc.sql("SELECT * FROM consultation_area WHERE consultation_id = :c ORDER BY id")
                .param("c", consultationId)
                .query((rs, n) -> new MappedArea(rs.getLong("id"), Leg.valueOf(rs.getString("leg")),
                        Region.valueOf(rs.getString("region")), Aspect.valueOf(rs.getString("aspect")),
                        VeinType.valueOf(rs.getString("vein_type")), AreaSize.valueOf(rs.getString("size")),
                        rs.getString("note")))
                .list();
    }

    private Consultation map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        ConsultationRequest.Ceap ceap = json.read(rs.getString("ceap"), ConsultationRequest.Ceap.class);
        String vcssJson = rs.getString("vcss");
        ConsultationRequest.VcssPerLeg vcss = vcssJson == null ? null
                : json.read(vcssJson, ConsultationRequest.VcssPerLeg.class);
        List<ConsultationOutcomeRule.Reason> reasons = json.read(rs.getString("reasons"),
                new TypeReference<List<ConsultationOutcomeRule.Reason>>() { });
        String symptoms = rs.getString("symptoms");
        String ov = rs.getString("override_outcome");
        OutcomeOverride override = ov == null ? null : new OutcomeOverride(ConsultationOutcome.valueOf(ov),
                rs.getString("override_reason"), rs.getString("override_by"),
                rs.getObject("override_at", OffsetDateTime.class));
        ConsultationOutcome derived = ConsultationOutcome.valueOf(rs.getString("derived_outcome"));
        String reflux = rs.getString("reflux_result");
        return new Consultation(id, rs.getLong("patient_id"), rs.getLong("practitioner_id"),
                rs.getString("practitioner_name"), rs.getObject("consulted_on", LocalDate.class),
                Area.valueOf(rs.getString("area")), rs.getObject("screening_id", Long.class),
                rs.getBoolean("standing_examination"), rs.getBoolean("doppler_done"), rs.getBoolean("duplex_done"),
                reflux == null ? null : DuplexResult.valueOf(reflux), rs.getString("reflux_segments"),
                rs.getBoolean("visible_varicose_veins"), ceap, vcss,
                vcss == null || vcss.left() == null ? null : vcss.left().total(),
                vcss == null || vcss.right() == null ? null : vcss.right().total(),
                symptoms == null || symptoms.isBlank() ? List.of()
                        : Arrays.stream(symptoms.split(",")).map(Symptom::valueOf).toList(),
                areas(id), rs.getString("notes"), derived, reasons, override,
                override == null ? derived : override.outcome(), rs.getObject("history_version", Integer.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

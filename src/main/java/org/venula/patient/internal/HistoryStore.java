package org.venula.patient.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.patient.DuplexResult;
import org.venula.patient.HistoryVersion;
import org.venula.patient.MedicalHistory;
import org.venula.patient.Medication;
import org.venula.patient.Sclerosant;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Medical-history versions. Rows are only inserted; the unique (patient, version) key stops two writers racing. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class HistoryStore {

    private static final String COLUMNS = """
            patient_id, version, pregnant, breastfeeding, current_infection, last_antibiotics_on,
            visible_varicose_veins, duplex, acute_dvt_or_pe, previous_dvt_or_pe, thrombophilia, active_cancer,
            venous_skin_changes, last_thrombophlebitis_on, able_to_walk, last_heart_problem_on, last_leg_surgery_on,
            medications, sclerosant_allergies, migraine_with_aura, known_right_to_left_shunt,
            peripheral_arterial_disease, poorly_controlled_diabetes, fitzpatrick_skin_type,
            planned_long_haul_flight_on, note, recorded_at, recorded_by""";

    private final JdbcClient jdbc;

    public int currentVersion(long patientId) {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM medical_history WHERE patient_id = :p")
                .param("p", patientId).query(Integer.class).single();
    }

    public Optional<HistoryVersion> latest(long patientId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM medical_history WHERE patient_id = :p ORDER BY version DESC LIMIT 1")
                .param("p", patientId).query(HistoryStore::map).optional();
    }

    /** The skin type of each patient's current history version, for those that record one (read by the unique key). */
    public Map<Long, Integer> currentSkinTypes(Collection<Long> patientIds) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Integer> out = new HashMap<>();
        jdbc.sql("""
                SELECT h.patient_id, h.fitzpatrick_skin_type FROM medical_history h
                WHERE h.patient_id IN (:ids) AND h.fitzpatrick_skin_type IS NOT NULL
                  AND h.version = (SELECT MAX(m.version) FROM medical_history m WHERE m.patient_id = h.patient_id)""")
                .param("ids", patientIds)
                .query((rs, row) -> out.put(rs.getLong(1), rs.getInt(2))).list();
        return out;
    }

    public Optional<HistoryVersion> version(long patientId, int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM medical_history WHERE patient_id = :p AND version = :v")
                .param("p", patientId).param("v", version).query(HistoryStore::map).optional();
    }

    public List<HistoryVersion> all(long patientId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM medical_history WHERE patient_id = :p ORDER BY version DESC")
                .param("p", patientId).query(HistoryStore::map).list();
    }

    public void insert(long clinicId, long patientId, int version, MedicalHistory h, String note, OffsetDateTime at,
            String by) {
        jdbc.sql("INSERT INTO medical_history (clinic_id, " + COLUMNS + ") VALUES (:clinic, :patient, :version,"
                        + " :pregnant, :breastfeeding, :infection, :antibiotics, :varicose, :duplex, :acuteDvt,"
                        + " :previousDvt, :thrombophilia, :cancer, :skinChanges, :thrombophlebitis, :walk, :heart,"
                        + " :surgery, :medications, :allergies, :migraine, :shunt, :pad, :diabetes, :fitzpatrick,"
                        + " :flight, :note, :at, :by)")
                .param("clinic", clinicId).param("patient", patientId).param("version", version)
                .param("pregnant", h.pregnant()).param("breastfeeding", h.breastfeeding())
                .param("infection", h.currentInfection()).param("antibiotics", h.lastAntibioticsOn())
                .param("varicose", h.visibleVaricoseVeins()).param("duplex", h.duplex().name())
                .param("acuteDvt", h.acuteDvtOrPe()).param("previousDvt", h.previousDvtOrPe())
                .param("thrombophilia", h.thrombophilia()).param("cancer", h.activeCancer())
                .param("skinChanges", h.venousSkinChanges()).param("thrombophlebitis", h.lastThrombophlebitisOn())
                .param("walk", h.ableToWalk()).param("heart", h.lastHeartProblemOn())
                .param("surgery", h.lastLegSurgeryOn()).param("medications", join(h.medications()))
                .param("allergies", join(h.sclerosantAllergies())).param("migraine", h.migraineWithAura())
                .param("shunt", h.knownRightToLeftShunt()).param("pad", h.peripheralArterialDisease())
                .param("diabetes", h.poorlyControlledDiabetes()).param("fitzpatrick", h.fitzpatrickSkinType())
                .param("flight", h.plannedLongHaulFlightOn()).param("note", note).param("at", at).param("by", by)
                .update();
    }

    private static HistoryVersion map(ResultSet rs, int row) throws SQLException {
        MedicalHistory h = new MedicalHistory(bool(rs, "pregnant"), bool(rs, "breastfeeding"),
                bool(rs, "current_infection"), date(rs, "last_antibiotics_on"), bool(rs, "visible_varicose_veins"),
                DuplexResult.valueOf(rs.getString("duplex")), bool(rs, "acute_dvt_or_pe"),
                bool(rs, "previous_dvt_or_pe"), bool(rs, "thrombophilia"), bool(rs, "active_cancer"),
                bool(rs, "venous_skin_changes"), date(rs, "last_thrombophlebitis_on"), bool(rs, "able_to_walk"),
                date(rs, "last_heart_problem_on"), date(rs, "last_leg_surgery_on"),
                split(rs.getString("medications"), Medication::valueOf),
                split(rs.getString("sclerosant_allergies"), Sclerosant::valueOf), bool(rs, "migraine_with_aura"),
                bool(rs, "known_right_to_left_shunt"), bool(rs, "peripheral_arterial_disease"),
                bool(rs, "poorly_controlled_diabetes"), rs.getObject("fitzpatrick_skin_type", Integer.class),
                date(rs, "planned_long_haul_flight_on"));
        return new HistoryVersion(rs.getLong("patient_id"), rs.getInt("version"),
                rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("recorded_by"), rs.getString("note"), h);
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Boolean.class);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static String join(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static <E> List<E> split(String csv, Function<String, E> parse) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(parse).toList();
    }
}

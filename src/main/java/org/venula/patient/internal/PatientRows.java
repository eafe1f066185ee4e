package org.venula.patient.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.patient.Sex;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Reads of patient rows, always within one clinic, in plain SQL mapped by hand: a chart opens with one indexed
 * statement and no per-row reflection (Spring Data JDBC's derived queries build their SQL and map the entity by
 * reflection on every call, which cost a quarter of a chart's read). Writes stay with {@link PatientRepository}.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PatientRows {

    private static final String SELECT = """
            SELECT id, clinic_id, given_name, family_name, date_of_birth, sex, phone, email, address, nhs_number,
              weight_kg, occupation, prolonged_standing, version, created_at, created_by, updated_at, updated_by
            FROM patient""";

    private final JdbcClient jdbc;

    /** The clinic's patient; another clinic's is empty, as one that does not exist. */
    public Optional<Patient> find(long clinicId, long id) {
        return jdbc.sql(SELECT + " WHERE id = :id AND clinic_id = :clinic").param("id", id).param("clinic", clinicId)
                .query(PatientRows::map).optional();
    }

    /** The clinic's patients among {@code ids}, by id (others left out), in one statement. */
    public Map<Long, Patient> find(long clinicId, List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Patient> out = new LinkedHashMap<>();
        jdbc.sql(SELECT + " WHERE clinic_id = :clinic AND id IN (:ids)").param("clinic", clinicId).param("ids", ids)
                .query(PatientRows::map).list().forEach(p -> out.put(p.id(), p));
        return out;
    }

    /** Patients by e-mail address, already trimmed and lower-cased: the generated, indexed {@code email_key}. */
    public List<Long> idsWithEmail(long clinicId, String emailKey) {
        return jdbc.sql("SELECT id FROM patient WHERE clinic_id = :clinic AND email_key = :key ORDER BY id LIMIT 10")
                .param("clinic", clinicId).param("key", emailKey).query(Long.class).list();
    }

    /** Patients born on this day whose names give this search key (family name first), by the birth index. */
    public List<Long> idsWithNameAndBirth(long clinicId, String nameKey, java.time.LocalDate dateOfBirth) {
        return jdbc.sql("""
                SELECT id FROM patient WHERE clinic_id = :clinic AND date_of_birth = :dob AND name_key = :key
                ORDER BY id LIMIT 10""")
                .param("clinic", clinicId).param("dob", dateOfBirth).param("key", nameKey).query(Long.class).list();
    }

    /** Whether the clinic already has a patient with this NHS number. */
    public boolean nhsNumberTaken(long clinicId, String nhsNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM patient WHERE clinic_id = :clinic AND nhs_number = :nhs")
                .param("clinic", clinicId).param("nhs", nhsNumber).query(Long.class).single() > 0;
    }

    private static Patient map(ResultSet rs, int row) throws SQLException {
        return new Patient(rs.getLong("id"), rs.getLong("clinic_id"), rs.getString("given_name"),
                rs.getString("family_name"), rs.getObject("date_of_birth", LocalDate.class),
                Sex.valueOf(rs.getString("sex")), rs.getString("phone"), rs.getString("email"), rs.getString("address"),
                rs.getString("nhs_number"), rs.getBigDecimal("weight_kg"), rs.getString("occupation"),
                rs.getObject("prolonged_standing", Boolean.class), rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"));
    }
}

package org.venula.portal.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.patient.SelfRegistrations;
import org.venula.patient.Sex;
import org.venula.shared.db.Inserts;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Portal registrations: inserted, then decided once (a decision checks the version it read). */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RegistrationStore {

    enum Status { PENDING, HELD, LINKED, CREATED }

    record Registration(long id, String givenName, String familyName, LocalDate dateOfBirth, Sex sex, String email,
            String phone, Status status, Long matchedPatientId, Long patientId, OffsetDateTime createdAt,
            OffsetDateTime decidedAt, String decidedBy, int version) {
    }

    private final JdbcClient jdbc;

    long insert(long clinicId, PortalRegistrations.Register r, Status status, Long matched, Long patientId,
            OffsetDateTime at) {
        return Inserts.id(jdbc.sql("""
                INSERT INTO portal_registration (clinic_id, given_name, family_name, date_of_birth, sex, email, phone,
                  status, matched_patient_id, patient_id, created_at)
                VALUES (:clinic, :given, :family, :dob, :sex, :email, :phone, :status, :matched, :patient, :at)""")
                .param("clinic", clinicId).param("given", r.givenName().trim()).param("family", r.familyName().trim())
                .param("dob", r.dateOfBirth()).param("sex", r.sex().name()).param("email", r.email().trim())
                .param("phone", r.phone() == null || r.phone().isBlank() ? null : r.phone().trim())
                .param("status", status.name()).param("matched", matched).param("patient", patientId)
                .param("at", at));
    }

    List<Registration> held(long clinicId, int limit) {
        return jdbc.sql("SELECT * FROM portal_registration WHERE clinic_id = :clinic AND status = 'HELD' "
                        + "ORDER BY created_at, id LIMIT :limit")
                .param("clinic", clinicId).param("limit", limit).query(RegistrationStore::map).list();
    }

    Optional<Registration> find(long clinicId, long id) {
        return jdbc.sql("SELECT * FROM portal_registration WHERE clinic_id = :clinic AND id = :id")
                .param("clinic", clinicId).param("id", id).query(RegistrationStore::map).optional();
    }

    /** A pending registration whose address was proven: its record is made; false when it was already. */
    boolean confirm(long id, long patientId, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE portal_registration SET status = 'CREATED', patient_id = :patient, decided_at = :at,
                  decided_by = :by, version = version + 1
                WHERE id = :id AND status = 'PENDING'""")
                .param("patient", patientId).param("at", at).param("by", SelfRegistrations.CREATED_BY)
                .param("id", id).update() == 1;
    }

    /** Records the decision; false when someone decided first. */
    boolean decide(long id, int version, Status status, long patientId, OffsetDateTime at, String by) {
        return jdbc.sql("""
                UPDATE portal_registration SET status = :status, patient_id = :patient, decided_at = :at,
                  decided_by = :by, version = version + 1
                WHERE id = :id AND version = :version AND status = 'HELD'""")
                .param("status", status.name()).param("patient", patientId).param("at", at).param("by", by)
                .param("id", id).param("version", version).update() == 1;
    }

    private static Registration map(ResultSet rs, int row) throws SQLException {
        return new Registration(rs.getLong("id"), rs.getString("given_name"), rs.getString("family_name"),
                rs.getObject("date_of_birth", LocalDate.class), Sex.valueOf(rs.getString("sex")),
                rs.getString("email"), rs.getString("phone"), Status.valueOf(rs.getString("status")),
                rs.getObject("matched_patient_id", Long.class), rs.getObject("patient_id", Long.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("decided_by"), rs.getInt("version"));
    }
}

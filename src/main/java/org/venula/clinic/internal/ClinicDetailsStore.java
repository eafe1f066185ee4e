package org.venula.clinic.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.clinic.ClinicContact;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The clinic's contact details, one row per version, never updated. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ClinicDetailsStore {

    private final JdbcClient jdbc;

    public Optional<ClinicContact> current(long clinicId) {
        return jdbc.sql("SELECT * FROM clinic_details WHERE clinic_id = :c ORDER BY version DESC LIMIT 1")
                .param("c", clinicId).query(ClinicDetailsStore::row).optional();
    }

    public List<ClinicContact> versions(long clinicId) {
        return jdbc.sql("SELECT * FROM clinic_details WHERE clinic_id = :c ORDER BY version DESC")
                .param("c", clinicId).query(ClinicDetailsStore::row).list();
    }

    /** Adds a version; the primary key refuses a second writer of the same version. */
    public void insert(ClinicContact c) {
        jdbc.sql("""
                INSERT INTO clinic_details (clinic_id, version, name, address, phone, email, website, emergency_number,
                  regulator_prompt, sign_needs_password, created_at, created_by)
                VALUES (:clinic, :version, :name, :address, :phone, :email, :website, :emergency, :regulator,
                  :signPassword, :at, :by)""")
                .param("clinic", c.clinicId()).param("version", c.version()).param("name", c.name())
                .param("address", c.address()).param("phone", c.phone()).param("email", c.email())
                .param("website", c.website()).param("emergency", c.emergencyNumber())
                .param("regulator", c.regulatorPrompt()).param("signPassword", c.signNeedsPassword())
                .param("at", c.changedAt()).param("by", c.changedBy())
                .update();
    }

    /** Keeps the clinic's own name (shown in every header) in step with its details. */
    public void rename(long clinicId, String name, OffsetDateTime at, String by) {
        jdbc.sql("UPDATE clinic SET name = :name, version = version + 1, updated_at = :at, updated_by = :by WHERE id = :c")
                .param("name", name).param("at", at).param("by", by).param("c", clinicId).update();
    }

    private static ClinicContact row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ClinicContact(rs.getLong("clinic_id"), rs.getInt("version"), rs.getString("name"),
                rs.getString("address"), rs.getString("phone"), rs.getString("email"), rs.getString("website"),
                rs.getString("emergency_number"), rs.getString("regulator_prompt"), rs.getBoolean("sign_needs_password"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"));
    }
}

package org.venula.patient.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.patient.HistoryProposal;
import org.venula.patient.MedicalHistory;
import org.venula.shared.db.Inserts;
import org.venula.shared.web.StoredJson;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The patients' questionnaire answers: an open row is changed only while open, checking the version it read. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProposalStore {

    private final JdbcClient jdbc;
    private final StoredJson json;

    /** The patient's open questionnaire (a draft or a proposal not yet accepted). */
    public Optional<HistoryProposal> open(long clinicId, long patientId) {
        return jdbc.sql("SELECT * FROM history_proposal WHERE clinic_id = :c AND patient_id = :p "
                        + "AND status IN ('DRAFT', 'SUBMITTED')")
                .param("c", clinicId).param("p", patientId).query(this::map).optional();
    }

    public Optional<HistoryProposal> find(long clinicId, long patientId, long id) {
        return jdbc.sql("SELECT * FROM history_proposal WHERE clinic_id = :c AND patient_id = :p AND id = :id")
                .param("c", clinicId).param("p", patientId).param("id", id).query(this::map).optional();
    }

    /** The patient's questionnaires, newest first, at most {@code limit}. */
    public List<HistoryProposal> forPatient(long clinicId, long patientId, int limit) {
        return jdbc.sql("SELECT * FROM history_proposal WHERE clinic_id = :c AND patient_id = :p "
                        + "ORDER BY id DESC LIMIT :limit")
                .param("c", clinicId).param("p", patientId).param("limit", limit).query(this::map).list();
    }

    public long insert(long clinicId, long patientId, HistoryProposal.Status status, MedicalHistory answers,
            List<String> unsure, OffsetDateTime now) {
        return Inserts.id(jdbc.sql("""
                INSERT INTO history_proposal (clinic_id, patient_id, status, answers, unsure, created_at, updated_at,
                  submitted_at)
                VALUES (:c, :p, :status, :answers, :unsure, :now, :now, :submitted)""")
                .param("c", clinicId).param("p", patientId).param("status", status.name())
                .param("answers", json.write(answers)).param("unsure", String.join(",", unsure)).param("now", now)
                .param("submitted", status == HistoryProposal.Status.SUBMITTED ? now : null));
    }

    /** Changes an open questionnaire's answers (and its status, draft to submitted); false when it changed meanwhile. */
    public boolean update(long id, int version, HistoryProposal.Status status, MedicalHistory answers,
            List<String> unsure, OffsetDateTime now) {
        String submitted = status == HistoryProposal.Status.SUBMITTED ? ", submitted_at = :now" : "";
        return jdbc.sql("UPDATE history_proposal SET status = :status, answers = :answers, unsure = :unsure, "
                        + "updated_at = :now" + submitted + ", version = version + 1 "
                        + "WHERE id = :id AND version = :version AND status IN ('DRAFT', 'SUBMITTED')")
                .param("status", status.name()).param("answers", json.write(answers))
                .param("unsure", String.join(",", unsure)).param("now", now).param("id", id)
                .param("version", version).update() == 1;
    }

    /** Records the clinician's acceptance; false when someone accepted it first or it changed meanwhile. */
    public boolean accept(long id, int version, int historyVersion, OffsetDateTime at, String by) {
        return jdbc.sql("""
                UPDATE history_proposal SET status = 'ACCEPTED', history_version = :hv, decided_at = :at,
                  decided_by = :by, version = version + 1
                WHERE id = :id AND version = :version AND status = 'SUBMITTED'""")
                .param("hv", historyVersion).param("at", at).param("by", by).param("id", id)
                .param("version", version).update() == 1;
    }

    private HistoryProposal map(ResultSet rs, int row) throws SQLException {
        String unsure = rs.getString("unsure");
        return new HistoryProposal(rs.getLong("id"), rs.getLong("patient_id"),
                HistoryProposal.Status.valueOf(rs.getString("status")),
                json.read(rs.getString("answers"), MedicalHistory.class),
                unsure == null || unsure.isBlank() ? List.of() : Arrays.asList(unsure.split(",")),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getObject("submitted_at", OffsetDateTime.class),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decided_by"),
                rs.getObject("history_version", Integer.class), rs.getInt("version"));
    }
}

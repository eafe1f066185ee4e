package org.venula.screening.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.protocol.ProtocolRef;
import org.venula.screening.StoredScreening;
import org.venula.screening.rules.Area;
import org.venula.screening.rules.Outcome;
import org.venula.screening.rules.ScreeningResult;

import org.venula.shared.web.StoredJson;
import org.venula.shared.db.Inserts;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Stored screenings. A row is inserted once; only a CAUTION's sign-off is later filled in, once. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ScreeningStore {

    private final JdbcClient jdbc;
    private final StoredJson json;

    public long insert(long clinicId, long patientId, int historyVersion, LocalDate asOf, Area area,
            ScreeningResult result, ProtocolRef protocol, OffsetDateTime at, String by) {
        return Inserts.id(jdbc.sql("""
                INSERT INTO screening (clinic_id, patient_id, history_version, protocol_id, protocol_version, as_of, area,
                  outcome, earliest_treatment_date, result, created_at, created_by)
                VALUES (:c, :p, :hv, :pid, :pv, :asOf, :area, :outcome, :earliest, :result, :at, :by)""")
                .param("c", clinicId).param("p", patientId).param("hv", historyVersion)
                .param("pid", protocol.id()).param("pv", protocol.version()).param("asOf", asOf)
                .param("area", area.name()).param("outcome", result.outcome().name())
                .param("earliest", result.earliestTreatmentDate()).param("result", json.write(result))
                .param("at", at).param("by", by));
    }

    public Optional<StoredScreening> find(long clinicId, long patientId, long id) {
        return jdbc.sql("SELECT * FROM screening WHERE clinic_id = :c AND patient_id = :p AND id = :id")
                .param("c", clinicId).param("p", patientId).param("id", id).query(this::map).optional();
    }

    public List<StoredScreening> forPatient(long clinicId, long patientId) {
        return jdbc.sql("SELECT * FROM screening WHERE clinic_id = :c AND patient_id = :p ORDER BY created_at DESC, id DESC")
                .param("c", clinicId).param("p", patientId).query(this::map).list();
    }

    /** Records the sign-off if none is there yet; returns whether this call recorded it. */
    public boolean signOff(long id, OffsetDateTime at, String by, String note) {
        return jdbc.sql("""
                UPDATE screening SET signed_off_at = :at, signed_off_by = :by, sign_off_note = :note
                WHERE id = :id AND signed_off_at IS NULL AND outcome = 'CAUTION'""")
                .param("at", at).param("by", by).param("note", note).param("id", id).update() == 1;
    }

    private StoredScreening map(ResultSet rs, int row) throws SQLException {
        ScreeningResult r = json.read(rs.getString("result"), ScreeningResult.class);
        OffsetDateTime signedAt = rs.getObject("signed_off_at", OffsetDateTime.class);
        return new StoredScreening(rs.getLong("id"), rs.getLong("patient_id"), rs.getInt("history_version"),
                rs.getObject("as_of", LocalDate.class), Area.valueOf(rs.getString("area")),
                Outcome.valueOf(rs.getString("outcome")), rs.getObject("earliest_treatment_date", LocalDate.class),
                r.findings(), r.restrictions(),
                new ProtocolRef(rs.getString("protocol_id"), rs.getInt("protocol_version")),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                signedAt == null ? null : new StoredScreening.SignOff(signedAt, rs.getString("signed_off_by"),
                        rs.getString("sign_off_note")));
    }
}

package org.venula.treatment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.treatment.Lot;
import org.venula.treatment.LotRecipient;
import org.venula.treatment.NewLot;
import org.venula.shared.db.Inserts;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The clinic's sclerosant lots: received, recalled (never deleted), and who received a lot number. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class LotStore {

    private final JdbcClient jdbc;

    public long insertLot(long clinicId, NewLot lot, LocalDate receivedOn, OffsetDateTime at, String by) {
        return Inserts.id(jdbc.sql("""
                INSERT INTO sclerosant_lot (clinic_id, agent, product, strength_percent, lot_number, expiry_date,
                  received_on, quantity, created_at, created_by)
                VALUES (:c, :agent, :product, :strength, :lot, :expiry, :received, :quantity, :at, :by)""")
                .param("c", clinicId).param("agent", lot.agent()).param("product", lot.product().trim())
                .param("strength", lot.strengthPercent()).param("lot", lot.lotNumber().trim())
                .param("expiry", lot.expiryDate()).param("received", receivedOn).param("quantity", lot.quantity())
                .param("at", at).param("by", by));
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
                .param("c", clinicId).query(LotStore::lot).list();
    }

    /** One page of the clinic's lots in the order of {@link #lots(long)} (and by id within a tie). */
    public List<Lot> lots(long clinicId, int limit, long offset) {
        return jdbc.sql("SELECT * FROM sclerosant_lot WHERE clinic_id = :c "
                + "ORDER BY agent, strength_percent, expiry_date, id LIMIT :n OFFSET :offset")
                .param("c", clinicId).param("n", limit).param("offset", offset).query(LotStore::lot).list();
    }

    public Optional<Lot> lot(long clinicId, long id) {
        return jdbc.sql("SELECT * FROM sclerosant_lot WHERE clinic_id = :c AND id = :id")
                .param("c", clinicId).param("id", id).query(LotStore::lot).optional();
    }

    public boolean recall(long clinicId, long id, String reason, OffsetDateTime at, String by) {
        return jdbc.sql("""
                UPDATE sclerosant_lot SET recalled_at = :at, recalled_by = :by, recall_reason = :reason
                WHERE clinic_id = :c AND id = :id AND recalled_at IS NULL""")
                .param("at", at).param("by", by).param("reason", reason).param("c", clinicId).param("id", id)
                .update() == 1;
    }

    /** Every session, signed or open, in which a patient of the clinic received a lot with this number. */
    public List<LotRecipient> recipients(long clinicId, String lotNumber, int limit, long offset) {
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
                ORDER BY s.session_date, s.id, l.id LIMIT :limit OFFSET :offset""")
                .param("c", clinicId).param("n", lotNumber).param("limit", limit).param("offset", offset)
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
}

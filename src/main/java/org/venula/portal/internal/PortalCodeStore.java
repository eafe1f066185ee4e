package org.venula.portal.internal;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Sign-in codes (hashes only) and the count of requests for them. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PortalCodeStore {

    enum Step { SEND, VERIFY }

    /** A live code: for a patient's record, or (patientId null) for a registration still to be proven. */
    record Code(long id, Long patientId, Long registrationId, String hash, int attempts) {
    }

    private final JdbcClient jdbc;

    void count(long clinicId, String email, String remoteAddress, Step step, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO portal_code_request (clinic_id, email, remote_address, at, step)
                VALUES (:clinic, :email, :address, :at, :step)""")
                .param("clinic", clinicId).param("email", email)
                .param("address", remoteAddress.length() > 64 ? remoteAddress.substring(0, 64) : remoteAddress)
                .param("at", at).param("step", step.name()).update();
    }

    int requestsForAddress(long clinicId, String email, Step step, OffsetDateTime since) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM portal_code_request
                WHERE clinic_id = :clinic AND email = :email AND step = :step AND at > :since""")
                .param("clinic", clinicId).param("email", email).param("step", step.name()).param("since", since)
                .query(Integer.class).single();
    }

    int requestsFromClient(String remoteAddress, Step step, OffsetDateTime since) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM portal_code_request WHERE remote_address = :address AND step = :step
                  AND at > :since""")
                .param("address", remoteAddress).param("step", step.name()).param("since", since)
                .query(Integer.class).single();
    }

    /** A new code replaces every earlier unused one for the address; it is for a record or for a registration. */
    void insert(long clinicId, Long patientId, Long registrationId, String email, String hash, OffsetDateTime at,
            OffsetDateTime expires) {
        jdbc.sql("""
                UPDATE portal_code SET used_at = :at
                WHERE clinic_id = :clinic AND email = :email AND used_at IS NULL""")
                .param("clinic", clinicId).param("email", email).param("at", at).update();
        jdbc.sql("""
                INSERT INTO portal_code (clinic_id, patient_id, registration_id, email, code_hash, created_at,
                  expires_at)
                VALUES (:clinic, :patient, :registration, :email, :hash, :at, :expires)""")
                .param("clinic", clinicId).param("patient", patientId).param("registration", registrationId)
                .param("email", email).param("hash", hash)
                .param("at", at).param("expires", expires).update();
    }

    /** The address's live code: the newest, unused and unexpired. */
    Optional<Code> live(long clinicId, String email, OffsetDateTime now) {
        return jdbc.sql("""
                SELECT id, patient_id, registration_id, code_hash, attempts FROM portal_code
                WHERE clinic_id = :clinic AND email = :email AND used_at IS NULL AND expires_at > :now
                ORDER BY created_at DESC, id DESC LIMIT 1""")
                .param("clinic", clinicId).param("email", email).param("now", now)
                .query((rs, n) -> new Code(rs.getLong(1), rs.getObject(2, Long.class), rs.getObject(3, Long.class),
                        rs.getString(4), rs.getInt(5)))
                .optional();
    }

    /** Takes one try of the code; false when every try is already used (the row is not changed then). */
    boolean takeTry(long codeId, int maxTries) {
        return jdbc.sql("UPDATE portal_code SET attempts = attempts + 1 WHERE id = :id AND attempts < :max "
                        + "AND used_at IS NULL")
                .param("id", codeId).param("max", maxTries).update() == 1;
    }

    /** Uses the code up; false when another request used it first. */
    boolean use(long codeId, OffsetDateTime at) {
        return jdbc.sql("UPDATE portal_code SET used_at = :at WHERE id = :id AND used_at IS NULL")
                .param("id", codeId).param("at", at).update() == 1;
    }
}

package org.venula.scheduling.internal;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Practitioners' calendar feed tokens; a revoked token is kept, marked revoked. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CalendarFeedStore {

    private final JdbcClient jdbc;

    /** Whose feed a live token opens. */
    public record Feed(long clinicId, long practitionerId) {
    }

    public void insert(String token, long clinicId, long practitionerId, OffsetDateTime at, String by) {
        jdbc.sql("""
                INSERT INTO calendar_feed (token, clinic_id, practitioner_id, created_at, created_by)
                VALUES (:t, :c, :p, :at, :by)""")
                .param("t", token).param("c", clinicId).param("p", practitionerId).param("at", at).param("by", by)
                .update();
    }

    /** Revokes the practitioner's live token, if any. */
    public void revoke(long practitionerId, OffsetDateTime at) {
        jdbc.sql("UPDATE calendar_feed SET revoked_at = :at WHERE practitioner_id = :p AND revoked_at IS NULL")
                .param("at", at).param("p", practitionerId).update();
    }

    public Optional<Feed> live(String token) {
        return jdbc.sql("SELECT clinic_id, practitioner_id FROM calendar_feed WHERE token = :t AND revoked_at IS NULL")
                .param("t", token).query((rs, n) -> new Feed(rs.getLong("clinic_id"), rs.getLong("practitioner_id")))
                .optional();
    }
}

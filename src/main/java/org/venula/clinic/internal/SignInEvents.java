package org.venula.clinic.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The security log of sign-ins and account changes: failures, locks, unlocks, deactivations, password changes. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SignInEvents {

    private static final Logger log = LoggerFactory.getLogger(SignInEvents.class);

    public enum Event { FAILED, REFUSED, LOCKED, UNLOCKED, DEACTIVATED, REACTIVATED, PASSWORD_RESET, PASSWORD_CHANGED,
        SECOND_FACTOR_ON, SECOND_FACTOR_OFF, RECOVERY_CODE_USED }

    public record Entry(OffsetDateTime at, String username, Event event, String remoteAddress, String actor) {
    }

    private final JdbcClient jdbc;

    public void record(OffsetDateTime at, String username, Event event, String remoteAddress, String actor) {
        String key = SignInLocks.key(username);
        log.info("Sign-in event {} for '{}' from {}{}", event, key, remoteAddress, actor == null ? "" : " by " + actor);
        jdbc.sql("""
                INSERT INTO sign_in_event (at, clinic_id, user_id, username, event, remote_address, actor)
                VALUES (:at, (SELECT clinic_id FROM app_user WHERE username = :u),
                        (SELECT id FROM app_user WHERE username = :u), :u, :event, :address, :actor)""")
                .param("at", at).param("u", key).param("event", event.name())
                .param("address", remoteAddress == null || remoteAddress.length() <= 64 ? remoteAddress
                        : remoteAddress.substring(0, 64))
                .param("actor", actor).update();
    }

    /** The clinic's most recent events, newest first. */
    public List<Entry> recent(long clinicId, int limit, long offset) {
        return jdbc.sql("""
                SELECT at, username, event, remote_address, actor FROM sign_in_event WHERE clinic_id = :c
                ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset""")
                .param("c", clinicId).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Entry(rs.getObject("at", OffsetDateTime.class), rs.getString("username"),
                        Event.valueOf(rs.getString("event")), rs.getString("remote_address"), rs.getString("actor")))
                .list();
    }
}

package org.venula.clinic.internal;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.clinic.rules.SignInPolicy;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Failed sign-ins per username, in the database so that a restart or another instance does not reset them. Each
 * statement commits on its own: a sign-in attempt runs outside any transaction.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SignInLocks {

    /** What a failure did: how many in a row now, and whether this one locked the username. */
    public record Failure(int failures, boolean locked) {
    }

    private final JdbcClient jdbc;

    public static String key(String username) {
        String key = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return key.length() > 100 ? key.substring(0, 100) : key;
    }

    /** A username's recent failures, and whether an attempt now must be refused (locked, or within its delay). */
    public record State(int failures, boolean blocked) {

        static final State CLEAR = new State(0, false);
    }

    public State state(String username, OffsetDateTime now) {
        return jdbc.sql("SELECT failures, next_allowed_at, locked_until FROM sign_in_lock WHERE username = :u")
                .param("u", key(username))
                .query((rs, n) -> {
                    OffsetDateTime next = rs.getObject("next_allowed_at", OffsetDateTime.class);
                    OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
                    return new State(rs.getInt("failures"),
                            next.isAfter(now) || (locked != null && locked.isAfter(now)));
                })
                .optional().orElse(State.CLEAR);
    }

    public Optional<OffsetDateTime> lockedUntil(String username, OffsetDateTime now) {
        return jdbc.sql("SELECT locked_until FROM sign_in_lock WHERE username = :u AND locked_until > :now")
                .param("u", key(username)).param("now", now).query(OffsetDateTime.class).optional();
    }

    public Failure failed(String username, OffsetDateTime now, SignInPolicy policy) {
        String key = key(username);
        for (int attempt = 0; attempt < 3; attempt++) {
            Integer before = jdbc.sql("""
                    SELECT failures FROM sign_in_lock WHERE username = :u
                      AND (locked_until IS NULL OR locked_until > :now)
                      AND (locked_until IS NOT NULL OR last_failure_at > :stale)""")
                    .param("u", key).param("now", now).param("stale", now.minus(policy.lockFor()))
                    .query(Integer.class).optional().orElse(null);
            if (before == null) {
                jdbc.sql("DELETE FROM sign_in_lock WHERE username = :u").param("u", key).update();
                try {
                    jdbc.sql("""
                            INSERT INTO sign_in_lock (username, failures, last_failure_at, next_allowed_at)
                            VALUES (:u, 1, :now, :next)""")
                            .param("u", key).param("now", now).param("next", now.plus(policy.delayAfter(1)))
                            .update();
                    return new Failure(1, policy.locks(1));
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            int failures = before + 1;
            boolean locks = policy.locks(failures);
            int changed = jdbc.sql("""
                    UPDATE sign_in_lock SET failures = :f, last_failure_at = :now, next_allowed_at = :next,
                        locked_until = CASE WHEN :locks THEN COALESCE(locked_until, :until) ELSE locked_until END
                    WHERE username = :u AND failures = :before""")
                    .param("f", failures).param("now", now).param("next", now.plus(policy.delayAfter(failures)))
                    .param("locks", locks).param("until", now.plus(policy.lockFor())).param("u", key)
                    .param("before", before).update();
            if (changed == 1) {
                return new Failure(failures, locks && !policy.locks(before));
            }
        }
        return new Failure(policy.lockAfter(), false);
    }

    public void clear(String username) {
        jdbc.sql("DELETE FROM sign_in_lock WHERE username = :u").param("u", key(username)).update();
    }
}

package org.venula.clinic.internal;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * What an account change writes to a user's row: a new password hash or the account switched on or off. Each
 * moves {@code credentials_changed_at}, which ends the user's sessions, and writes only over the {@code version} it
 * was given (false when someone changed the account since).
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AccountStore {

    private final JdbcClient jdbc;

    public String passwordHash(long userId) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id").param("id", userId)
                .query(String.class).single();
    }

    /** The account row's version, read before a change to it. */
    public int version(long userId) {
        return jdbc.sql("SELECT version FROM app_user WHERE id = :id").param("id", userId).query(Integer.class)
                .single();
    }

    public boolean setPassword(long userId, int version, String hash, boolean temporary, OffsetDateTime now,
            String by) {
        return jdbc.sql("""
                UPDATE app_user SET password_hash = :hash, must_change_password = :temporary,
                    credentials_changed_at = :now, version = version + 1, updated_at = :now, updated_by = :by
                WHERE id = :id AND version = :version""")
                .param("hash", hash).param("temporary", temporary).param("now", now)
                .param("by", by).param("id", userId).param("version", version).update() == 1;
    }

    public boolean setEnabled(long userId, int version, boolean enabled, OffsetDateTime now, String by) {
        return jdbc.sql("""
                UPDATE app_user SET enabled = :enabled, credentials_changed_at = :now, version = version + 1,
                    updated_at = :now, updated_by = :by WHERE id = :id AND version = :version""")
                .param("enabled", enabled).param("now", now).param("by", by).param("id", userId)
                .param("version", version).update() == 1;
    }
}

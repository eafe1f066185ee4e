package org.venula.clinic.internal;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What an account change writes to a user's row: a new password hash or the account switched on or off. Each
 * moves {@code credentials_changed_at}, which ends the user's sessions.
 */
@Repository
public class AccountStore {

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String passwordHash(long userId) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id").param("id", userId)
                .query(String.class).single();
    }

    public void setPassword(long userId, String hash, boolean temporary, OffsetDateTime now, String by) {
        jdbc.sql("""
                UPDATE app_user SET password_hash = :hash, must_change_password = :temporary,
                    credentials_changed_at = :now, version = version + 1, updated_at = :now, updated_by = :by
                WHERE id = :id""")
                .param("hash", hash).param("temporary", temporary).param("now", now)
                .param("by", by).param("id", userId).update();
    }

    public void setEnabled(long userId, boolean enabled, OffsetDateTime now, String by) {
        jdbc.sql("""
                UPDATE app_user SET enabled = :enabled, credentials_changed_at = :now, version = version + 1,
                    updated_at = :now, updated_by = :by WHERE id = :id""")
                .param("enabled", enabled).param("now", now).param("by", by).param("id", userId)
                .update();
    }
}

package org.venula.clinic.internal;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Whether a signed-in user's account still stands: enabled, and whether its password must be changed first. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AccountStanding {

    public record Standing(boolean enabled, boolean mustChangePassword, OffsetDateTime credentialsChangedAt) {
    }

    private final JdbcClient jdbc;

    public Optional<Standing> of(long userId) {
        return jdbc.sql("SELECT enabled, must_change_password, credentials_changed_at FROM app_user WHERE id = :id")
                .param("id", userId)
                .query((rs, n) -> new Standing(rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
                        rs.getObject("credentials_changed_at", OffsetDateTime.class)))
                .optional();
    }
}

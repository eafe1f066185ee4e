package org.venula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.venula.support.EmbeddedPostgresDatabase;

/**
 * The security scenarios on PostgreSQL set up as the README asks for production: migrations as an owner role,
 * requests served by a runtime role, and {@code venula.production=true}, so Venula would not even start if the
 * runtime role could change the access log.
 */
class PostgresSecurityIT extends SecurityScenarios {

    private static final EmbeddedPostgresDatabase.WithRoles DB = EmbeddedPostgresDatabase.newDatabaseWithRoles();

    private String original;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DB::url);
        registry.add("spring.datasource.username", DB::runtime);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.user", DB::owner);
        registry.add("spring.flyway.password", () -> "");
        registry.add("venula.production", () -> "true");
    }

    @Test
    void theRuntimeRoleCanNeitherEmptyNorChangeTheAccessLog() {
        admin.post("/api/patients", ApiFixture.patient("Append" + unique(), Map.of()));
        long before = count();
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo(DB.runtime());
        for (String sql : new String[] {"TRUNCATE access_log", "TRUNCATE access_log CASCADE",
                "ALTER TABLE access_log DISABLE TRIGGER access_log_append_only",
                "ALTER TABLE access_log DISABLE TRIGGER ALL",
                "DROP TRIGGER access_log_append_only ON access_log", "UPDATE access_log SET detail = 'x'",
                "DELETE FROM access_log", "TRUNCATE access_log_seal", "DELETE FROM access_log_seal",
                "UPDATE access_log_seal SET hash = 'x'", "DROP TABLE access_log CASCADE",
                "ALTER TABLE access_log OWNER TO " + DB.runtime()}) {
            assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql).isNotNull();
        }
        assertThat(count()).isEqualTo(before);
        assertThat(admin.get("/api/access-log/verification").json().get("protectedByDatabase").asBoolean()).isTrue();
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM access_log").query(Long.class).single();
    }

    @Override
    void tamper(long entryId) {
        asOwner(s -> {
            var r = s.executeQuery("SELECT detail FROM access_log WHERE id = " + entryId);
            r.next();
            original = r.getString(1);
            s.execute("ALTER TABLE access_log DISABLE TRIGGER access_log_append_only");
            s.execute("UPDATE access_log SET detail = 'nothing to see' WHERE id = " + entryId);
            s.execute("ALTER TABLE access_log ENABLE TRIGGER access_log_append_only");
        });
    }

    @Override
    void untamper(long entryId) {
        asOwner(s -> {
            s.execute("ALTER TABLE access_log DISABLE TRIGGER access_log_append_only");
            try (var p = s.getConnection().prepareStatement("UPDATE access_log SET detail = ? WHERE id = ?")) {
                p.setString(1, original);
                p.setLong(2, entryId);
                p.executeUpdate();
            }
            s.execute("ALTER TABLE access_log ENABLE TRIGGER access_log_append_only");
        });
    }

    private interface Sql {
        void run(Statement s) throws SQLException;
    }

    private static void asOwner(Sql sql) {
        try (Connection c = DriverManager.getConnection(DB.url(), DB.owner(), ""); Statement s = c.createStatement()) {
            sql.run(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

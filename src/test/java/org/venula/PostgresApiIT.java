package org.venula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.venula.support.EmbeddedPostgresDatabase;

/** The API scenarios on a real PostgreSQL (embedded binaries, no Docker), plus what only PostgreSQL enforces. */
class PostgresApiIT extends ApiScenarios {

    private static final String URL = EmbeddedPostgresDatabase.newDatabaseUrl();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Test
    void runsOnPostgresql() {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
    }

    @Test
    void theAccessLogCannotBeChangedOrDeleted() {
        admin.post("/api/patients", patient("Immutable" + unique(), java.util.Map.of()));
        assertThatThrownBy(() -> jdbc.sql("UPDATE access_log SET username = 'someone else'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM access_log").update())
                .hasMessageContaining("append-only");
    }
}

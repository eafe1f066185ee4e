package org.venula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.venula.ApiFixture.*;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.venula.support.Api;
import tools.jackson.databind.JsonNode;
import org.venula.support.EmbeddedPostgresDatabase;

/** The API scenarios on a real PostgreSQL (embedded binaries, no Docker), plus what only PostgreSQL enforces. */
class PostgresApiIT extends RunningApplication implements ApiScenarios, TreatmentScenarios, AftercareScenarios,
        OutcomeScenarios, HostileInputScenarios, ClinicDayScenarios, PortalScenarios {

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

    @Test
    void aSignedSessionCannotBeChangedEvenInTheDatabase() {
        Api clinician = newUser("CLINICIAN");
        Ready p = readyPatient(clinician, "Locked" + unique());
        long lot = lot(clinician, "POLIDOCANOL", "0.5", "L" + unique(), today().plusYears(1));
        long s = startSession(clinician, p);
        chart(clinician, s, injection(p.areaIds().get(0), lot, java.util.Map.of()));
        clinician.put("/api/sessions/" + s + "/compression", java.util.Map.of("type", "STOCKING", "length", "KNEE",
                "lowMmHg", 15, "highMmHg", 20, "standard", "US"));
        clinician.put("/api/sessions/" + s + "/reactions", java.util.Map.of("reactions", java.util.List.of("NONE")));
        assertThat(clinician.post("/api/sessions/" + s + "/sign", null).status()).isEqualTo(200);
        assertThatThrownBy(() -> jdbc.sql("UPDATE session_injection SET volume_ml = 9 WHERE session_id = :s")
                .param("s", s).update()).hasMessageContaining("is signed");
        assertThatThrownBy(() -> jdbc.sql("UPDATE treatment_session SET weight_kg = 99 WHERE id = :s")
                .param("s", s).update()).hasMessageContaining("is signed");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM session_injection WHERE session_id = :s").param("s", s)
                .update()).hasMessageContaining("never deleted");
    }

    /** A volume run, on demand: {@code ./mvnw verify -Pvolume} (docs/benchmarks.md); {@code verify} leaves it out. */
    @Test
    @Tag("volume")
    void theAuditAnswersTenThousandSessionsExactlyAndQuickly() {
        java.time.LocalDate from = today().minusYears(3);
        long started = System.nanoTime();
        Generated g = generated(10_000, from, today().minusDays(1));
        long generatedMs = (System.nanoTime() - started) / 1_000_000;
        Api lead = g.clinic().admin();
        String path = "/api/audit/outcomes?from=" + from + "&to=" + today();
        lead.get(path); // warm up
        long[] ms = new long[5];
        JsonNode audit = null;
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            audit = lead.get(path).json();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        java.util.Arrays.sort(ms);
        // The figure is reported, not asserted: timings belong in benchmarks (docs/benchmarks.md).
        System.out.printf("AUDIT-VOLUME: %d sessions generated in %d ms; GET %s median %d ms, max %d ms%n",
                g.summary().sessions(), generatedMs, "/api/audit/outcomes", ms[2], ms[4]);
        assertThat(g.summary().sessions()).isEqualTo(10_000);
        // The search's plans at a million patients are PatientSearchPlansIT's; here its time on this clinic.
        long t0 = System.nanoTime();
        lead.get("/api/patients?query=arch&size=20");
        System.out.printf("SEARCH-TIME: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertAuditMatches(audit, g.summary());
    }
}

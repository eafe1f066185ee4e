package org.venula;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.venula.support.Api;
import org.venula.support.CapturedQueries;
import org.venula.support.EmbeddedPostgresDatabase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every query the application sends while a clinic works through its day, explained on PostgreSQL with the
 * clinic's tables at a clinic group's size (a million patients and appointments, two million access-log entries,
 * ten thousand treatment sessions): no scan in any plan may read more than {@value #LARGE} rows, so a fresh
 * deployment's plans stay right as the tables grow. The plans and their times are printed for docs/benchmarks.md. On demand only:
 * {@code ./mvnw verify -Pvolume} (several minutes, most of it filling the tables).
 */
@Tag("volume")
@Import(QueryPlansIT.Capture.class)
class QueryPlansIT extends RunningApplication {

    /** More rows than this read by one scan for one request is a fault; a table with more is large. */
    private static final long LARGE = 50_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String URL = EmbeddedPostgresDatabase.newDatabaseUrl();
    static final CapturedQueries CAPTURED = new CapturedQueries();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        // The two million access-log entries written in bulk are not sealed while the plans are read.
        registry.add("venula.access-log.seal-interval", () -> "PT24H");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Capture {
        @Bean
        static BeanPostProcessor capturedQueries() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds && "dataSource".equals(name) ? CAPTURED.wrap(ds) : bean;
                }
            };
        }
    }

    @Autowired
    DataSource dataSource;

    @Test
    void noQueryOfTheClinicsDayReadsALargeTableFromEndToEnd() throws Exception {
        LocalDate from = ApiFixture.today().minusYears(3);
        long started = System.nanoTime();
        Generated g = generated(10_000, from, ApiFixture.today().minusDays(1));
        System.out.printf("QUERY-PLANS: history generated in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
        long clinic = g.clinic().clinicId();
        fill(clinic);
        System.out.printf("QUERY-PLANS: filled in %d s%n", (System.nanoTime() - started) / 1_000_000_000);

        long patient = jdbc.sql("SELECT patient_id FROM treatment_session WHERE clinic_id = :c LIMIT 1")
                .param("c", clinic).query(Long.class).single();
        long practitioner = jdbc.sql("SELECT practitioner_id FROM treatment_session WHERE clinic_id = :c LIMIT 1")
                .param("c", clinic).query(Long.class).single();
        String lot = jdbc.sql("SELECT lot_number FROM sclerosant_lot WHERE clinic_id = :c LIMIT 1")
                .param("c", clinic).query(String.class).single();
        Api lead = g.clinic().admin();
        Api clinician = g.clinic().clinician();
        String day = ApiFixture.today().plusDays(1).toString();

        CAPTURED.capturing(true);
        for (String path : List.of("/api/patients?query=smith", "/api/patients?query=mary%20smith",
                "/api/patients?query=1961-03-07", "/api/patients?query=sm&page=3", "/api/patients",
                "/api/patients/" + patient, "/api/patients/" + patient + "/history",
                "/api/patients/" + patient + "/history/versions", "/api/patients/" + patient + "/screenings",
                "/api/patients/" + patient + "/consultations", "/api/patients/" + patient + "/sessions",
                "/api/patients/" + patient + "/session-blockers", "/api/patients/" + patient + "/appointments",
                "/api/patients/" + patient + "/reviews", "/api/patients/" + patient + "/complications",
                "/api/patients/" + patient + "/follow-ups", "/api/patients/" + patient + "/aftercare-plans",
                "/api/patients/" + patient + "/check-ins", "/api/patients/" + patient + "/access-log",
                "/api/patients/" + patient + "/feedback",
                "/api/practitioners/" + practitioner + "/appointments?from=" + day + "&to=" + day,
                "/api/slots?practitionerId=" + practitioner + "&type=CONSULTATION&from=" + day + "&to=" + day,
                "/api/waiting-list", "/api/recalls?within=90", "/api/lots", "/api/lots/" + lot + "/patients",
                "/api/check-ins", "/api/complications/waiting", "/api/access-log",
                "/api/access-log?from=" + ApiFixture.today().minusDays(7) + "&to=" + ApiFixture.today(), "/api/sign-in-events",
                "/api/audit/outcomes?from=" + from + "&to=" + ApiFixture.today(), "/api/users", "/api/practitioners")) {
            Api as = path.contains("access-log") || path.contains("sign-in") || path.contains("users") ? lead : clinician;
            assertThat(as.get(path).status()).as(path).isLessThan(500);
        }
        // the portal, as a patient of the big clinic: sign-in by e-mail and code, and what a patient reads
        String email = "volume.patient@example.com";
        jdbc.sql("UPDATE patient SET email = :e WHERE id = :p").param("e", email).param("p", patient).update();
        Api portal = Api.withCookies(port);
        assertThat(portal.post("/api/portal/sign-in", Map.of("clinicId", clinic, "email", email)).status())
                .isEqualTo(202);
        String code = jdbc.sql("SELECT body FROM reminder WHERE recipient = :e AND code_live").param("e", email)
                .query(String.class).single().replaceAll("(?s).*?(\\d{6}).*", "$1");
        assertThat(portal.post("/api/portal/verify", Map.of("clinicId", clinic, "email", email, "code", code))
                .status()).isEqualTo(200);
        for (String path : List.of("/api/portal/me", "/api/portal/appointments", "/api/portal/history",
                "/api/portal/plans", "/api/portal/aftercare", "/api/portal/follow-up",
                "/api/portal/slots?type=CONSULTATION&from=" + day + "&to=" + day)) {
            assertThat(portal.get(path).status()).as(path).isLessThan(500);
        }
        assertThat(clinician.get("/api/portal-registrations").status()).isEqualTo(200);
        assertThat(clinician.get("/api/patients/" + patient + "/history/proposals").status()).isEqualTo(200);
        assertThat(Api.anonymous(port).post("/api/portal/register", Map.of("clinicId", clinic, "givenName", "Mary",
                "familyName", "Smith", "dateOfBirth", "1961-03-07", "sex", "FEMALE", "email",
                "new.volume@example.com")).status()).isEqualTo(202);
        CAPTURED.capturing(false);

        Map<String, Long> sizes = new HashMap<>();
        jdbc.sql("SELECT relname, reltuples::bigint AS n FROM pg_class WHERE relkind = 'r' AND relnamespace = "
                + "'public'::regnamespace").query((rs, n) -> sizes.put(rs.getString("relname"), rs.getLong("n")))
                .list();
        List<String> faults = new ArrayList<>();
        List<String> report = new ArrayList<>();
        try (Connection c = dataSource.unwrap(javax.sql.DataSource.class).getConnection()) {
            for (CapturedQueries.Query q : CAPTURED.queries()) {
                String sql = q.sql().strip();
                String head = sql.toLowerCase(Locale.ROOT);
                if (!(head.startsWith("select") || head.startsWith("with")) || head.contains("for update")
                        || head.contains("for no key update")) {
                    continue;
                }
                JsonNode plan = explain(c, q);
                List<String> scans = new ArrayList<>();
                walk(plan.get("Plan"), sizes, scans, faults, sql);
                report.add("%8.2f ms  %s  <- %s".formatted(plan.get("Execution Time").asDouble(), scans,
                        sql.replaceAll("\\s+", " ").substring(0, Math.min(160, sql.replaceAll("\\s+", " ").length()))));
            }
        }
        report.sort(null);
        report.forEach(r -> System.out.println("QUERY-PLAN " + r));
        System.out.println("QUERY-PLANS: " + report.size() + " distinct queries explained; tables "
                + sizes.entrySet().stream().filter(e -> e.getValue() > LARGE).map(e -> e.getKey() + "=" + e.getValue())
                        .sorted().toList());
        assertThat(report).hasSizeGreaterThan(30);
        assertThat(faults).as("full reads of large tables").isEmpty();
    }

    /** A clinic group's volume in the big clinic, written in bulk (set-based SQL, not one row at a time). */
    private void fill(long clinic) {
        long t = System.nanoTime();
        List<Long> practitioners = jdbc.sql("SELECT id FROM practitioner WHERE clinic_id = :c ORDER BY id")
                .param("c", clinic).query(Long.class).list();
        jdbc.sql("""
                INSERT INTO patient (clinic_id, given_name, family_name, date_of_birth, sex, created_at, created_by,
                  updated_at, updated_by)
                SELECT :c, (ARRAY['Mary','John','Ann','David','Sarah','James','Emma','Peter','Laura','Paul'])[1 + (i / 500) % 10],
                  initcap((ARRAY['smith','jones','taylor','brown','williams','wilson','johnson','davies','robinson',
                    'wright'])[1 + i % 10] || (ARRAY['','s','son','er','ley','ton','well','ford','field','ington'])[1 + (i / 10) % 10]
                    || CASE WHEN i % 7 = 0 THEN '' ELSE chr(97 + i % 26) END),
                  DATE '1930-01-01' + (i % 30000), 'FEMALE', now(), 'volume', now(), 'volume'
                FROM generate_series(1, 1000000) i""").param("c", clinic).update();
        t = lap("a million patients", t);
        // One appointment per patient, each practitioner's back to back every half hour into the past.
        jdbc.sql("""
                INSERT INTO appointment (clinic_id, patient_id, practitioner_id, appointment_type, start_at, end_at,
                  status, created_at, created_by, updated_at, updated_by)
                SELECT :c, p.id, (:prs::bigint[])[1 + (p.rn % :np)], 'TREATMENT',
                  now() - interval '400 days' - (p.rn / :np) * interval '30 minutes',
                  now() - interval '400 days' - (p.rn / :np) * interval '30 minutes' + interval '30 minutes',
                  'ATTENDED', now(), 'volume', now(), 'volume'
                FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM patient WHERE clinic_id = :c
                      AND created_by = 'volume') p""")
                .param("c", clinic).param("prs", practitioners.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .param("np", practitioners.size()).update();
        t = lap("a million appointments", t);
        jdbc.sql("""
                INSERT INTO access_log (at, clinic_id, username, patient_id, action, detail, channel)
                SELECT now() - (i * interval '1 second'), :c, 'volume', p.id, 'VIEW_PATIENT', NULL, 'API'
                FROM generate_series(1, 2000000) i
                JOIN patient p ON p.id = (SELECT min(id) FROM patient WHERE clinic_id = :c) + i % 900000""")
                .param("c", clinic).update();
        t = lap("two million access-log entries", t);
        jdbc.sql("""
                INSERT INTO waiting_list (clinic_id, patient_id, appointment_type, status, closed_reason, created_at,
                  created_by, closed_at, closed_by)
                SELECT :c, id, 'TREATMENT', CASE WHEN id % 20 = 0 THEN 'WAITING' ELSE 'REMOVED' END,
                  CASE WHEN id % 20 = 0 THEN NULL ELSE 'volume' END, now(), 'volume', now(), 'volume'
                FROM patient WHERE clinic_id = :c AND created_by = 'volume' AND id % 10 = 0""")
                .param("c", clinic).update();
        // A review due after every session, most of them long overdue: the audit and the recall list match each
        // against the patient's appointments.
        jdbc.sql("""
                INSERT INTO follow_up_task (clinic_id, patient_id, session_id, practitioner_id, kind, due_from,
                  due_until, status, created_at, created_by, updated_at, updated_by)
                SELECT clinic_id, patient_id, id, practitioner_id, 'REVIEW', session_date + 28, session_date + 42,
                  'DUE', now(), 'volume', now(), 'volume'
                FROM treatment_session WHERE clinic_id = :c""").param("c", clinic).update();
        jdbc.sql("ANALYZE").update();
    }

    private static long lap(String what, long since) {
        System.out.printf("QUERY-PLANS: %s in %d ms%n", what, (System.nanoTime() - since) / 1_000_000);
        return System.nanoTime();
    }

    private static JsonNode explain(Connection c, CapturedQueries.Query q) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + q.sql())) {
            for (Map.Entry<Integer, Object> p : q.params().entrySet()) {
                ps.setObject(p.getKey(), p.getValue());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return JSON.readTree(rs.getString(1)).get(0);
            }
        }
    }

    private static void walk(JsonNode node, Map<String, Long> sizes, List<String> scans, List<String> faults,
            String sql) {
        String type = node.get("Node Type").asString();
        if (node.has("Relation Name")) {
            String table = node.get("Relation Name").asString();
            scans.add(type + " " + (node.has("Index Name") ? node.get("Index Name").asString() : table));
            long read = (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
                    + node.path("Rows Removed by Index Recheck").asLong()) * Math.max(1, node.path("Actual Loops").asLong());
            // What a scan reads, not its kind, is the fault: a scan that stops at a LIMIT is bounded, and one that
            // filters most of what it reads away shows it in "Rows Removed by Filter".
            if (read > LARGE) {
                faults.add(type + " of " + table + " (" + sizes.get(table) + " rows, " + read + " read) in: "
                        + sql.replaceAll("\\s+", " "));
            }
        }
        if (node.has("Plans")) {
            node.get("Plans").forEach(child -> walk(child, sizes, scans, faults, sql));
        }
    }
}

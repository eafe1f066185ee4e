package org.venula.patient.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.venula.support.EmbeddedPostgresDatabase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The patient search's plans on PostgreSQL at a million patients (about 2,000 a surname, as a clinic group has):
 * every look-up reads a range of one search index, never the whole table or a whole index, whether the planner
 * sees the values (a custom plan) or not (the generic plan a prepared statement settles on after five runs), and a
 * page is the same on every run. Prints each query's time and buffers for docs/benchmarks.md. Run with
 * {@code ./mvnw verify -Pvolume} (about two minutes, most of it filling the table).
 */
@Tag("volume")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientSearchPlansIT {

    private static final int PATIENTS = 1_000_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JdbcClient jdbc;
    private PatientSearch search;
    private final List<String> report = new ArrayList<>();

    @BeforeAll
    void aMillionPatients() {
        // One connection: the plan mode and the prepared statements belong to it.
        DataSource ds = new SingleConnectionDataSource(EmbeddedPostgresDatabase.newDatabaseUrl(), "postgres", "",
                true);
        Flyway.configure().dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        jdbc = JdbcClient.create(ds);
        search = new PatientSearch(jdbc);
        jdbc.sql("INSERT INTO clinic (name, created_at, created_by, updated_at, updated_by) VALUES "
                + "('Group', now(), 'test', now(), 'test'), ('Other', now(), 'test', now(), 'test')").update();
        long started = System.nanoTime();
        // 50 surnames in 10 forms each (Smith, Smiths, Smithson…): 500 surnames, 2,000 patients each, and each surname
        // with every one of 100 given names.
        jdbc.sql("""
                INSERT INTO patient (clinic_id, given_name, family_name, date_of_birth, sex, nhs_number, created_at,
                  created_by, updated_at, updated_by)
                SELECT CASE WHEN i % 47 = 0 THEN 2 ELSE 1 END,
                  (ARRAY['Mary','John','Ann','David','Sarah','James','Emma','Peter','Laura','Paul','Susan','Mark',
                    'Helen','Andrew','Claire','Richard','Karen','Michael','Julie','Robert','Jane','Stephen','Lisa',
                    'Thomas','Rachel','Daniel','Emily','Simon','Sophie','Matthew','Amy','Christopher','Hannah','Ian',
                    'Lucy','Gary','Kate','Martin','Joanne','Neil','Alison','Steven','Fiona','Kevin','Nicola','Colin',
                    'Ruth','Graham','Anna','Philip','Zoe','Adam','Eleanor','Brian','Grace','Alan','Chloe','Keith',
                    'Jessica','Derek','Olivia','Gordon','Megan','Roger','Isabel','Trevor','Holly','Nigel','Amelia',
                    'Dennis','Ella','Malcolm','Lily','Clive','Freya','Barry','Ruby','Gavin','Ava','Wayne','Mia',
                    'Dean','Evie','Craig','Poppy','Jason','Isla','Lee','Daisy','Carl','Erin','Ross','Alice','Ryan',
                    'Maisie','Scott','Esme','Liam','Seán','Siobhán'])[1 + (i / 500) % 100],
                  initcap((ARRAY['smith','jones','taylor','brown','williams','wilson','johnson','davies','robinson',
                    'wright','thompson','evans','walker','white','roberts','green','hall','wood','jackson','clarke',
                    'patel','khan','lewis','james','phillips','mason','mitchell','rose','davis','rodriguez','cox',
                    'alexander','morgan','moore','martin','price','bell','ward','cooper','king','hill','baker','lee',
                    'harris','clark','allen','young','scott','turner','o''brien'])[1 + i % 50]
                    || (ARRAY['','s','son','er','ley','ton','well','ford','field','ington'])[1 + (i / 50) % 10]),
                  DATE '1930-01-01' + (i % 30000), CASE WHEN i % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END,
                  CASE WHEN i % 10 = 0 THEN lpad(i::text, 10, '0') END, now(), 'test', now(), 'test'
                FROM generate_series(1, :n) i""").param("n", PATIENTS).update();
        jdbc.sql("VACUUM ANALYZE patient").update();
        report.add("Filled " + PATIENTS + " patients in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    @ParameterizedTest(name = "\"{0}\" page {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # what a receptionist types | page
            smith                       | 0
            Smith                       | 5
            smi                         | 0
            mary smith                  | 0
            smith mary                  | 0
            ma smi                      | 0
            o'brien                     | 0
            seán                        | 0
            zz                          | 0
            s q                         | 0
            ''                          | 0
            ''                          | 50
            1961-03-07                  | 0
            07/03/1961                  | 0
            0000001230                  | 0
            jo smi                      | 0
            smith m                     | 0
            m smith                     | 0
            """)
    void eachLookUpReadsARangeOfOneIndexAndAPageIsTheSameEveryTime(String query, int page) {
        String q = query == null ? "" : query;
        PatientSearch.Sql pageSql = search.pageSql(1, q, page, 20);
        PatientSearch.Sql countSql = search.countSql(1, q);
        for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
            jdbc.sql("SET plan_cache_mode = " + mode).update();
            for (PatientSearch.Sql sql : List.of(pageSql, countSql)) {
                JsonNode plan = explain(sql);
                List<String> scans = scans(plan.get("Plan"), new ArrayList<>());
                assertThat(scans).as(mode + " " + scans).isNotEmpty()
                        .allSatisfy(s -> assertThat(s).as(mode + " " + scans).matches(
                                "(Index Only Scan|Index Scan|Bitmap Index Scan) patient_(search_\\w+|nhs_number_unique)"
                                        + "|Bitmap Heap Scan patient"));
                report.add("%-12s p%-3d %-6s %-8s %6.2f ms %6d buffers%s %s".formatted("'" + q + "'", page,
                        sql == pageSql ? "page" : "count", mode.replace("force_", "").replace("_plan", ""),
                        plan.get("Execution Time").asDouble(),
                        plan.get("Plan").get("Shared Hit Blocks").asLong()
                                + plan.get("Plan").get("Shared Read Blocks").asLong(),
                        plan.has("JIT") ? " (JIT " + plan.get("JIT").get("Timing").get("Total").asDouble() + " ms)" : "",
                        scans));
            }
        }
        jdbc.sql("RESET plan_cache_mode").update();
        PatientSearch.Result first = search.find(1, q, page, 20);
        assertThat(search.find(1, q, page, 20)).isEqualTo(first);
        report.forEach(System.out::println);
        report.clear();
    }

    /**
     * The plan as a prepared statement runs it (PREPARE, then EXPLAIN EXECUTE), so that the session's
     * {@code plan_cache_mode} decides between the custom and the generic plan.
     */
    private JsonNode explain(PatientSearch.Sql sql) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        Matcher m = Pattern.compile(":(\\w+)").matcher(sql.text());
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            int n = positions.computeIfAbsent(m.group(1), k -> positions.size() + 1);
            m.appendReplacement(text, "\\$" + n);
        }
        m.appendTail(text);
        String values = String.join(", ", positions.keySet().stream()
                .map(k -> "'" + String.valueOf(sql.params().get(k)).replace("'", "''") + "'").toList());
        jdbc.sql("PREPARE planned AS " + text).update();
        try {
            String plan = jdbc.sql("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE planned(" + values + ")")
                    .query(String.class).single();
            return JSON.readTree(plan).get(0);
        } finally {
            jdbc.sql("DEALLOCATE planned").update();
        }
    }

    /** Each scan of the plan as "node-type index-or-relation". */
    private static List<String> scans(JsonNode node, List<String> out) {
        String type = node.get("Node Type").asString();
        if (type.contains("Scan") && (node.has("Relation Name") || node.has("Index Name"))) {
            out.add(type + " " + (node.has("Index Name") ? node.get("Index Name").asString()
                    : node.get("Relation Name").asString()));
        }
        if (node.has("Plans")) {
            node.get("Plans").forEach(child -> scans(child, out));
        }
        return out;
    }
}

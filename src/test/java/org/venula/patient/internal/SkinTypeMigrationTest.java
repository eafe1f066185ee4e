package org.venula.patient.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V27 moves the Fitzpatrick skin type from the patient's details into the medical history without losing a value:
 * each case a clinic could have before the move, migrated on the embedded database Venula runs on.
 */
class SkinTypeMigrationTest {

    private JdbcDataSource ds;
    private JdbcClient jdbc;
    private long clinic;

    @BeforeEach
    void migrateToTheVersionBefore() {
        ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:skin" + System.nanoTime() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        flyway("26").migrate();
        jdbc = JdbcClient.create(ds);
        jdbc.sql("INSERT INTO clinic (name, created_at, created_by, updated_at, updated_by)"
                + " VALUES ('Test clinic', CURRENT_TIMESTAMP, 't', CURRENT_TIMESTAMP, 't')").update();
        clinic = jdbc.sql("SELECT MAX(id) FROM clinic").query(Long.class).single();
    }

    @Test
    void aSkinTypeOnlyInTheDetailsBecomesANewHistoryVersionKeepingEveryAnswer() {
        long p = patient(2);
        history(p, 1, null, true);
        history(p, 2, null, false);
        flyway(null).migrate();
        assertThat(versions(p)).hasSize(3);
        Map<String, Object> latest = latest(p);
        assertThat(latest.get("FITZPATRICK_SKIN_TYPE")).isEqualTo(2);
        assertThat(latest.get("PREGNANT")).isEqualTo(false);
        assertThat(latest.get("MEDICATIONS")).isEqualTo("TAMOXIFEN");
        assertThat(latest.get("RECORDED_BY")).isEqualTo("migration V27");
    }

    @Test
    void aPatientWithoutAHistoryGetsAFirstVersionWithOnlyTheSkinType() {
        long p = patient(5);
        flyway(null).migrate();
        Map<String, Object> first = latest(p);
        assertThat(first.get("VERSION")).isEqualTo(1);
        assertThat(first.get("FITZPATRICK_SKIN_TYPE")).isEqualTo(5);
        assertThat(first.get("PREGNANT")).isNull();
        assertThat(first.get("DUPLEX")).isEqualTo("NOT_DONE");
    }

    @Test
    void whenBothDisagreeTheHistorysStaysAndTheDetailsValueIsKeptInANote() {
        long p = patient(2);
        history(p, 1, 4, false);
        flyway(null).migrate();
        Map<String, Object> latest = latest(p);
        assertThat(latest.get("VERSION")).isEqualTo(2);
        assertThat(latest.get("FITZPATRICK_SKIN_TYPE")).isEqualTo(4);
        assertThat((String) latest.get("NOTE")).contains("details gave Fitzpatrick skin type 2")
                .contains("history type 4");
    }

    @Test
    void whenBothAgreeOrNeitherHasOneNothingIsAdded() {
        long agree = patient(3);
        history(agree, 1, 3, false);
        long neither = patient(null);
        history(neither, 1, null, false);
        long nothing = patient(null);
        flyway(null).migrate();
        assertThat(versions(agree)).hasSize(1);
        assertThat(versions(neither)).hasSize(1);
        assertThat(versions(nothing)).isEmpty();
        assertThat(jdbc.sql("SELECT fitzpatrick_skin_type FROM patient WHERE id = :p").param("p", agree)
                .query(Integer.class).single()).as("the old column keeps what was entered").isEqualTo(3);
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2");
        return (target == null ? config : config.target(target)).load();
    }

    private long patient(Integer skinType) {
        jdbc.sql("""
                INSERT INTO patient (clinic_id, given_name, family_name, date_of_birth, sex, fitzpatrick_skin_type,
                  created_at, created_by, updated_at, updated_by)
                VALUES (:c, 'Ann', 'Lee', DATE '1980-01-01', 'FEMALE', :s, CURRENT_TIMESTAMP, 't', CURRENT_TIMESTAMP, 't')""")
                .param("c", clinic).param("s", skinType).update();
        return jdbc.sql("SELECT MAX(id) FROM patient").query(Long.class).single();
    }

    private void history(long patient, int version, Integer skinType, boolean pregnant) {
        jdbc.sql("""
                INSERT INTO medical_history (clinic_id, patient_id, version, pregnant, medications,
                  fitzpatrick_skin_type, recorded_at, recorded_by)
                VALUES (:c, :p, :v, :pregnant, 'TAMOXIFEN', :s, CURRENT_TIMESTAMP, 't')""")
                .param("c", clinic).param("p", patient).param("v", version).param("pregnant", pregnant)
                .param("s", skinType).update();
    }

    private List<Map<String, Object>> versions(long patient) {
        return jdbc.sql("SELECT * FROM medical_history WHERE patient_id = :p ORDER BY version")
                .param("p", patient).query().listOfRows();
    }

    private Map<String, Object> latest(long patient) {
        List<Map<String, Object>> all = versions(patient);
        return all.get(all.size() - 1);
    }
}

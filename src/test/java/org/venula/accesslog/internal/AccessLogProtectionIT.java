package org.venula.accesslog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.venula.support.EmbeddedPostgresDatabase;

/** Production mode refuses a runtime role that could change the access log, and says why. */
class AccessLogProtectionIT {

    @Test
    void aRoleThatOwnsTheLogIsRefusedInProductionAndOnlyWarnedOtherwise() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(EmbeddedPostgresDatabase.newDatabaseUrl());
        JdbcClient jdbc = JdbcClient.create(ds);
        jdbc.sql("CREATE TABLE access_log (id BIGINT)").update();
        jdbc.sql("CREATE TABLE access_log_seal (id BIGINT)").update();

        AccessLogProtection.Report report = new AccessLogProtection(ds, jdbc, true).report();
        assertThat(report.enforcedByDatabase()).isFalse();
        assertThat(report.summary()).contains("superuser", "SPRING_FLYWAY_USER");
        assertThatThrownBy(() -> new AccessLogProtection(ds, jdbc, true).afterSingletonsInstantiated())
                .hasMessageStartingWith("Refusing to start in production");
        new AccessLogProtection(ds, jdbc, false).afterSingletonsInstantiated(); // only a warning
    }
}

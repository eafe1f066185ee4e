package org.venula.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

class PostgresBatchInsertsTest {

    private static HikariDataSource processed(String url, String preset) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        if (preset != null) {
            ds.addDataSourceProperty("reWriteBatchedInserts", preset);
        }
        return (HikariDataSource) PostgresBatchInserts.batchInsertsOnPostgres().postProcessBeforeInitialization(ds,
                "dataSource");
    }

    @Test
    void postgresqlSendsABatchOfInsertsAsOneStatement() {
        assertThat(processed("jdbc:postgresql://db/venula", null).getDataSourceProperties())
                .containsEntry("reWriteBatchedInserts", "true");
    }

    @Test
    void aClinicsOwnSettingAndH2AreLeftAlone() {
        assertThat(processed("jdbc:postgresql://db/venula", "false").getDataSourceProperties())
                .containsEntry("reWriteBatchedInserts", "false");
        assertThat(processed("jdbc:h2:file:./data/venula", null).getDataSourceProperties()).isEmpty();
    }
}

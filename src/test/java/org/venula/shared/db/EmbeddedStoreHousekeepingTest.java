package org.venula.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store under the settings Venula runs it with ({@code WRITE_DELAY=0}: H2's own background compaction
 * is off). The same churn (every commit rewrites a few rows of a hot table while a cold table stays put) runs twice:
 * once left alone, once with a housekeeping round every few hundred commits. H2's retention time is shortened so that
 * chunks become eligible within the test rather than after 45 seconds.
 */
class EmbeddedStoreHousekeepingTest {

    private static final int COMMITS = 12_000;

    @Test
    void housekeepingKeepsTheFileFromGrowingUnderChurnAndKeepsEveryRow(@TempDir Path dir) throws Exception {
        long alone = churn(dir.resolve("alone"), false);
        long kept = churn(dir.resolve("kept"), true);
        System.out.printf("embedded store after %d commits: left alone %d KiB, with housekeeping %d KiB%n", COMMITS,
                alone >> 10, kept >> 10);
        assertThat(kept).isLessThan(alone / 2);
    }

    @Test
    void onAnInMemoryDatabaseItDoesNothing() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:housekeeping;DB_CLOSE_DELAY=-1");
        var housekeeping = new EmbeddedStoreHousekeeping(ds, 80, 1 << 20, Duration.ofSeconds(1));
        assertThat(housekeeping.compact().applies()).isFalse();
    }

    private static long churn(Path dir, boolean housekeep) throws Exception {
        Files.createDirectories(dir);
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;WRITE_DELAY=0;RETENTION_TIME=100");
        var housekeeping = new EmbeddedStoreHousekeeping(ds, 80, 1 << 20, Duration.ofSeconds(1));
        Random random = new Random(42);
        try (Connection c = ds.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table hot (id int primary key, n int, pad varchar(400))");
                s.execute("create table cold (id int primary key, pad varchar(400))");
                s.execute("insert into hot select x, 0, repeat('h', 400) from system_range(1, 2000)");
                s.execute("insert into cold select x, repeat('c', 400) from system_range(1, 2000)");
            }
            try (PreparedStatement update = c.prepareStatement("update hot set n = n + 1 where id = ?");
                    PreparedStatement insert = c.prepareStatement("insert into cold values (?, repeat('c', 400))")) {
                for (int i = 1; i <= COMMITS; i++) {
                    update.setInt(1, 1 + random.nextInt(2000));
                    update.executeUpdate();
                    if (i % 20 == 0) {
                        insert.setInt(1, 2000 + i);
                        insert.executeUpdate();
                    }
                    if (housekeep && i % 400 == 0) {
                        Thread.sleep(150);
                        assertThat(housekeeping.compact().applies()).isTrue();
                    }
                }
            }
            long size = Files.size(dir.resolve("db.mv.db"));
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "select (select sum(n) from hot), (select count(*) from cold)")) {
                r.next();
                assertThat(r.getLong(1)).isEqualTo(COMMITS);
                assertThat(r.getLong(2)).isEqualTo(2000 + COMMITS / 20);
            }
            return size;
        }
    }
}

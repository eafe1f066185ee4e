package org.venula.shared.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compacts the embedded H2 database file while Venula runs. Venula runs H2 with {@code WRITE_DELAY=0} so that every
 * acknowledged commit is on disk; in H2 that setting also stops the store's background thread, which is what normally
 * rewrites half-empty chunks so that their space can be reused. Without this the file only grows (about 20 to 60 MiB
 * a minute under a busy clinic's load). Every {@code venula.h2.housekeeping-interval} this rewrites the live pages
 * of the emptiest chunks (at most {@code venula.h2.housekeeping-write} bytes per round, for at most
 * {@code venula.h2.housekeeping-budget}), exactly as H2's own background housekeeping does; the emptied chunks are
 * released on a later commit once H2's retention time has passed. On PostgreSQL, on an in-memory database and on a
 * remote H2 server it does nothing.
 */
@Component
public class EmbeddedStoreHousekeeping {

    /** What one round did: how full the file's chunks were before and after, and the file size after. */
    public record Round(boolean applies, int chunksFillBefore, int chunksFillAfter, int rewrites, long fileBytes) {

        static Round notApplicable() {
            return new Round(false, 100, 100, 0, 0);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreHousekeeping.class);

    private final DataSource dataSource;
    private final int targetFillRate;
    private final int writeBytes;
    private final Duration budget;
    private volatile boolean applies = true;

    public EmbeddedStoreHousekeeping(DataSource dataSource,
            @Value("${venula.h2.housekeeping-fill-rate:80}") int targetFillRate,
            @Value("${venula.h2.housekeeping-write:4194304}") int writeBytes,
            @Value("${venula.h2.housekeeping-budget:PT2S}") Duration budget) {
        this.dataSource = dataSource;
        this.targetFillRate = targetFillRate;
        this.writeBytes = writeBytes;
        this.budget = budget;
    }

    @Scheduled(fixedDelayString = "${venula.h2.housekeeping-interval:PT30S}",
            initialDelayString = "${venula.h2.housekeeping-interval:PT30S}")
    void scheduled() {
        if (!applies) {
            return;
        }
        try {
            Round round = compact();
            if (!round.applies()) {
                applies = false;
            } else if (round.rewrites() > 0) {
                log.debug("Compacted the embedded database: chunks {}% -> {}% full, file {} MiB",
                        round.chunksFillBefore(), round.chunksFillAfter(), round.fileBytes() >> 20);
            }
        } catch (RuntimeException | SQLException e) {
            log.warn("Could not compact the embedded database this time: {}", e.toString());
        }
    }

    /** One round of compaction, now. */
    public Round compact() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = storeOf(connection);
            if (store == null) {
                return Round.notApplicable();
            }
            FileStore<?> file = store.getFileStore();
            int before = file.getChunksFillRate();
            int rewrites = 0;
            long stopAt = System.nanoTime() + budget.toNanos();
            while (!store.isClosed() && store.compact(targetFillRate, writeBytes)) {
                rewrites++;
                store.commit();
                if (System.nanoTime() - stopAt > 0) {
                    break;
                }
            }
            return new Round(true, before, file.getChunksFillRate(), rewrites, file.size());
        }
    }

    private static MVStore storeOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local) || !local.getDatabase().isPersistent()
                || local.getDatabase().getStore() == null) {
            return null;
        }
        MVStore store = local.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null || store.getFileStore().isReadOnly() ? null : store;
    }
}

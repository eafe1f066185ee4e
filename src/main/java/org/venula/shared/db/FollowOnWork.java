package org.venula.shared.db;

import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Runs a write whose event starts follow-on work ({@code @TransactionalEventListener} in a transaction of its own:
 * signing a session makes its aftercare plan and follow-up tasks). That work runs after the commit while the
 * write's connection is still held, so each such request holds two connections at once. Enough of them together
 * would each hold one and wait for a second, and the pool would stall until its wait ran out (the load benchmark
 * found it at 64 clients signing). At most half the pool's connections are let into such writes at a time, so the
 * rest always finish and free theirs; a request that waits longer than the pool would is answered as overloaded
 * ({@code 503}, nothing stored).
 */
@Component
public class FollowOnWork {

    private final TransactionTemplate tx;
    private final Semaphore permits;
    private final long waitMillis;

    FollowOnWork(DataSource dataSource, PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
        HikariDataSource pool = hikari(dataSource);
        int size = pool == null ? 10 : pool.getMaximumPoolSize();
        this.permits = new Semaphore(Math.max(1, size / 2), true);
        this.waitMillis = pool == null ? 30_000 : pool.getConnectionTimeout();
    }

    /** Runs {@code write} in a transaction, its follow-on work included, within the limit. */
    public <T> T inTransaction(Supplier<T> write) {
        try {
            if (!permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new CannotGetJdbcConnectionException("Too many writes with follow-on work waiting");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotGetJdbcConnectionException("Interrupted while waiting to write");
        }
        try {
            return tx.execute(status -> write.get());
        } finally {
            permits.release();
        }
    }

    /** How many such writes may run at once (for tests). */
    int limit() {
        return permits.availablePermits();
    }

    private static HikariDataSource hikari(DataSource ds) {
        try {
            return ds.isWrapperFor(HikariDataSource.class) ? ds.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }
}

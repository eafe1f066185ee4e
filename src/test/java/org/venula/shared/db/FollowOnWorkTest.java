package org.venula.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

import com.zaxxer.hikari.HikariDataSource;

class FollowOnWorkTest {

    /** Transactions that do nothing: what is tested is who may start one. */
    private static final PlatformTransactionManager NO_DATABASE = new PlatformTransactionManager() {
        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
        }

        @Override
        public void rollback(TransactionStatus status) {
        }
    };

    private static FollowOnWork forPoolOf(int size) {
        HikariDataSource pool = new HikariDataSource();
        pool.setMaximumPoolSize(size);
        pool.setConnectionTimeout(250);
        return new FollowOnWork(pool, NO_DATABASE);
    }

    @Test
    void halfThePoolMayHoldTwoConnectionsAtOnceAndTheRestWaitThenAreTurnedAway() throws Exception {
        FollowOnWork work = forPoolOf(4);
        assertThat(work.limit()).isEqualTo(2);
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = threads.submit(() -> work.inTransaction(() -> hold(inside, release)));
            Future<?> b = threads.submit(() -> work.inTransaction(() -> hold(inside, release)));
            assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> work.inTransaction(() -> "third")).isInstanceOf(
                    CannotGetJdbcConnectionException.class);
            release.countDown();
            a.get(5, TimeUnit.SECONDS);
            b.get(5, TimeUnit.SECONDS);
            assertThat(work.inTransaction(() -> "after")).isEqualTo("after");
            assertThat(work.limit()).isEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFailedWriteGivesItsPlaceBack() {
        FollowOnWork work = forPoolOf(2);
        assertThatThrownBy(() -> work.inTransaction(() -> {
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        assertThat(work.limit()).isEqualTo(1);
    }

    private static String hold(CountDownLatch inside, CountDownLatch release) {
        inside.countDown();
        try {
            release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "held";
    }
}

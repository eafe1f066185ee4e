package org.venula.portal.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Keeps the sign-in tables to what the throttles and codes still need: a request for a code counts for a day at most
 * (the daily limit per address), and a code is dead ten minutes after it was made; both are deleted once two days
 * old, a bounded batch at a time, so that weeks of sign-ins do not slow every one after them. These are not records of
 * care: each sign-in itself stays in the access log.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PortalCodePurge {

    /** How long a request or a dead code is kept: past the longest window a throttle counts over (a day). */
    static final Duration KEPT_FOR = Duration.ofDays(2);
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final Clock clock;

    @Scheduled(fixedDelayString = "${venula.portal.purge-interval:PT1H}", initialDelayString = "PT2M")
    @SchedulerLock(name = "venula-portal-purge", lockAtMostFor = "PT10M")
    void scheduled() {
        purge();
    }

    /** Deletes what is older than {@link #KEPT_FOR}; answers how many rows went. */
    int purge() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(KEPT_FOR);
        return older(cutoff, "portal_code_request", "at") + older(cutoff, "portal_code", "expires_at");
    }

    /** Deletes the table's rows whose {@code column} is before the cutoff, a batch at a time. */
    private int older(OffsetDateTime cutoff, String table, String column) {
        String sql = "DELETE FROM %1$s WHERE id IN (SELECT id FROM %1$s WHERE %2$s < :cutoff LIMIT :batch)"
                .formatted(table, column);
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql(sql).param("cutoff", cutoff).param("batch", BATCH).update();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}

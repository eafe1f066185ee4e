package org.venula.accesslog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.venula.accesslog.ChainVerification;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Seals access-log entries into a hash chain per clinic, and verifies the chain. Sealing runs every
 * {@code venula.access-log.seal-interval} on one instance at a time and takes entries written at least
 * {@code venula.access-log.seal-delay} ago, in the order of their ids; an entry whose transaction committed late
 * (after a later entry was sealed) is sealed in the next round, further down the chain.
 */
@Component
public class AccessLogChain {

    private static final int BATCH = 2_000;
    /** How far below the newest sealed entry a late-committed entry is still looked for. */
    private static final long LATE_WINDOW = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration delay;
    private final TransactionTemplate tx;
    private final NamedParameterJdbcTemplate batch;
    private final AccessLogProtection protection;

    AccessLogChain(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Clock clock, TransactionTemplate tx,
            AccessLogProtection protection, @Value("${venula.access-log.seal-delay:PT5S}") Duration delay) {
        this.protection = protection;
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.tx = tx;
        this.delay = delay;
    }

    @Scheduled(fixedDelayString = "${venula.access-log.seal-interval:PT10S}", initialDelayString = "PT5S")
    @SchedulerLock(name = "venula-access-log-seal", lockAtMostFor = "PT5M")
    void scheduled() {
        sealPending();
    }

    /** Seals every entry old enough; returns how many were sealed. */
    public int sealPending() {
        int total = 0;
        int sealed;
        int raced = 0;
        do {
            try {
                Integer n = tx.execute(status -> sealBatch());
                sealed = n == null ? 0 : n;
            } catch (DuplicateKeyException e) {
                // another sealer took the same link first (a direct call beside the scheduled one): read the head again
                if (++raced > 5) {
                    throw e;
                }
                sealed = BATCH;
                continue;
            }
            total += sealed;
        } while (sealed == BATCH);
        return total;
    }

    private int sealBatch() {
        OffsetDateTime now = now();
        long newest = jdbc.sql("SELECT COALESCE(MAX(entry_id), 0) FROM access_log_seal").query(Long.class).single();
        List<ChainHash.Fields> pending = jdbc.sql("""
                SELECT l.* FROM access_log l
                WHERE l.id > :floor AND l.at <= :cutoff
                  AND NOT EXISTS (SELECT 1 FROM access_log_seal s WHERE s.entry_id = l.id AND s.entry_id > :floor)
                ORDER BY l.id LIMIT :batch""")
                .param("floor", newest - LATE_WINDOW).param("cutoff", now.minus(delay)).param("batch", BATCH)
                .query((rs, n) -> fields(rs)).list();
        Map<Long, Head> heads = new LinkedHashMap<>();
        List<MapSqlParameterSource> seals = new ArrayList<>(pending.size());
        for (ChainHash.Fields entry : pending) {
            Head head = heads.computeIfAbsent(entry.clinicId(), this::head);
            Head next = new Head(head.seq() + 1, ChainHash.of(head.hash(), entry));
            seals.add(new MapSqlParameterSource().addValue("clinic", entry.clinicId()).addValue("seq", next.seq())
                    .addValue("entry", entry.id()).addValue("hash", next.hash()).addValue("at", now));
            heads.put(entry.clinicId(), next);
        }
        // One round trip for the batch: sealing keeps up with a clinic group's reads (one entry each).
        batch.batchUpdate("""
                INSERT INTO access_log_seal (clinic_id, seq, entry_id, hash, sealed_at)
                VALUES (:clinic, :seq, :entry, :hash, :at)""", seals.toArray(MapSqlParameterSource[]::new));
        return pending.size();
    }

    private record Head(long seq, String hash) {
    }

    private Head head(long clinicId) {
        return jdbc.sql("SELECT seq, hash FROM access_log_seal WHERE clinic_id = :c ORDER BY seq DESC LIMIT 1")
                .param("c", clinicId).query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .optional().orElse(new Head(0, ChainHash.GENESIS));
    }

    /**
     * Walks the clinic's chain from its first link: every seal must follow the one before, its entry must exist and
     * must still hash, with the previous link, to the stored hash; and no entry older than the sealing delay (with
     * a margin of a few rounds) may be left without a seal.
     */
    @Transactional(readOnly = true)
    public ChainVerification verify(long clinicId, Duration margin) {
        OffsetDateTime now = now();
        String previous = ChainHash.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        ChainVerification.Link head = null;
        ChainVerification.Break broken = null;
        while (broken == null) {
            List<SealedRow> rows = jdbc.sql("""
                    SELECT s.seq, s.entry_id AS sealed_entry, s.hash AS sealed_hash, l.*
                    FROM access_log_seal s LEFT JOIN access_log l ON l.id = s.entry_id
                    WHERE s.clinic_id = :c AND s.seq >= :from ORDER BY s.seq LIMIT 5000""")
                    .param("c", clinicId).param("from", expectedSeq)
                    .query((rs, n) -> new SealedRow(rs.getLong("seq"), rs.getLong("sealed_entry"),
                            rs.getString("sealed_hash"), rs.getObject("id") == null ? null : fields(rs)))
                    .list();
            if (rows.isEmpty()) {
                break;
            }
            for (SealedRow row : rows) {
                if (row.seq() != expectedSeq) {
                    broken = new ChainVerification.Break(expectedSeq, null,
                            "the link at position " + expectedSeq + " is missing");
                } else if (row.entry() == null) {
                    broken = new ChainVerification.Break(row.seq(), row.entryId(),
                            "entry " + row.entryId() + " was removed");
                } else if (row.entry().clinicId() != clinicId
                        || !ChainHash.of(previous, row.entry()).equals(row.hash())) {
                    broken = new ChainVerification.Break(row.seq(), row.entryId(),
                            "entry " + row.entryId() + " was changed after it was written");
                }
                if (broken != null) {
                    break;
                }
                checked++;
                previous = row.hash();
                head = new ChainVerification.Link(row.seq(), row.entryId(), row.hash());
                expectedSeq++;
            }
        }
        OffsetDateTime cutoff = now.minus(delay).minus(margin);
        long awaiting = jdbc.sql("""
                SELECT COUNT(*) FROM access_log l WHERE l.clinic_id = :c
                  AND NOT EXISTS (SELECT 1 FROM access_log_seal s WHERE s.entry_id = l.id)""")
                .param("c", clinicId).query(Long.class).single();
        if (broken == null) {
            Long neverSealed = jdbc.sql("""
                    SELECT MIN(l.id) FROM access_log l WHERE l.clinic_id = :c AND l.at < :cutoff
                      AND NOT EXISTS (SELECT 1 FROM access_log_seal s WHERE s.entry_id = l.id)""")
                    .param("c", clinicId).param("cutoff", cutoff).query(Long.class).optional().orElse(null);
            if (neverSealed != null) {
                broken = new ChainVerification.Break(expectedSeq, neverSealed, "entry " + neverSealed
                        + " was never sealed into the chain (its seal may have been removed)");
            }
        }
        AccessLogProtection.Report protection = this.protection.report();
        return new ChainVerification(broken == null, checked, awaiting, head, broken, now,
                protection.enforcedByDatabase(), protection.summary());
    }

    private record SealedRow(long seq, long entryId, String hash, ChainHash.Fields entry) {
    }

    private static ChainHash.Fields fields(ResultSet rs) throws SQLException {
        return new ChainHash.Fields(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getLong("clinic_id"),
                rs.getObject("user_id", Long.class), rs.getString("username"), rs.getObject("patient_id", Long.class),
                rs.getString("action"), rs.getString("detail"), rs.getString("remote_address"),
                rs.getString("channel"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

package org.venula;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venula.support.Api;
import org.venula.support.EmbeddedPostgresDatabase;
import org.venula.support.VenulaProcess;

/**
 * A write answered 2xx is on disk: Venula runs as its own process under a write load from four threads (patients,
 * consultations on distinct slots, charted injections), is killed with {@code kill -9} at a random moment, and is
 * started again on the same data; every acknowledged write must be there and the database must open cleanly, cycle
 * after cycle, on the embedded H2 default and on PostgreSQL. {@code -Dvenula.durability.cycles=N} runs more cycles.
 */
class DurabilityIT {

    private static final int CYCLES = Integer.getInteger("venula.durability.cycles", 5);

    @Test
    void noAcknowledgedWriteIsLostWhenTheEmbeddedDefaultIsKilled(@TempDir Path dir) throws Exception {
        survivesKills(dir.resolve("data"), null, "H2");
    }

    @Test
    void noAcknowledgedWriteIsLostWhenVenulaOnPostgresqlIsKilled(@TempDir Path dir) throws Exception {
        survivesKills(dir.resolve("data"), EmbeddedPostgresDatabase.newDatabaseUrl(), "PostgreSQL");
    }

    private static void survivesKills(Path data, String jdbcUrl, String database) throws Exception {
        ClinicWrites writes = new ClinicWrites();
        java.util.Set<String> lost = new java.util.LinkedHashSet<>(); // a write lost once is counted once
        VenulaProcess venula = VenulaProcess.start(data, jdbcUrl, List.of());
        writes.prepare(venula.admin());
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            load(venula, writes, 1500 + ThreadLocalRandom.current().nextLong(3500));
            venula.kill();
            venula = VenulaProcess.start(data, jdbcUrl, List.of());
            List<String> missing = writes.missing(venula.admin());
            lost.addAll(missing);
        }
        venula.stop();
        System.out.printf("DURABILITY %s: %d kill -9 cycles, %d writes acknowledged (%d bookings), %d lost, "
                + "%d answered 5xx%n", database, CYCLES, writes.acknowledged(), writes.bookings.size(), lost.size(),
                writes.serverErrors.size());
        assertThat(writes.bookings).as("bookings were among the writes").isNotEmpty();
        assertThat(writes.acknowledged()).as("the load wrote something").isGreaterThan(CYCLES * 10);
        assertThat(lost).as("acknowledged writes missing after a kill -9 on " + database).isEmpty();
        assertThat(writes.serverErrors).as("5xx answers during the load").isEmpty();
    }

    /** Four writers for {@code millis}, then returns with the writers still mid-request (the caller kills Venula). */
    private static void load(VenulaProcess venula, ClinicWrites writes, long millis) throws InterruptedException {
        Api admin = venula.admin();
        Api clinician = writes.clinician(admin);
        List<String> slots = java.util.Collections.synchronizedList(writes.freeSlots(admin));
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Runnable> writers = List.of(
                () -> writes.registerPatient(admin),
                () -> writes.registerPatient(admin),
                () -> writes.bookConsultation(admin, slots),
                new Runnable() {
                    ClinicWrites.OpenSession session;
                    int charted;

                    @Override
                    public void run() {
                        if (session == null || charted >= 60) {
                            session = writes.openSession(clinician);
                            charted = 0;
                        } else if (writes.chart(clinician, session.sessionId(), session.areaId())) {
                            charted++;
                        }
                    }
                });
        for (Runnable writer : writers) {
            pool.submit(() -> {
                while (running.get()) {
                    try {
                        writer.run();
                    } catch (RuntimeException connectionLost) {
                        return; // the process is gone: this request was never acknowledged
                    }
                }
            });
        }
        pool.awaitTermination(millis, TimeUnit.MILLISECONDS);
        running.set(false);
        pool.shutdown();
    }
}

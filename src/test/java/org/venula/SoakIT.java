package org.venula;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.venula.support.Api;
import org.venula.support.VenulaProcess;

/**
 * A clinic's day, compressed: Venula on the embedded default with its production settings (the pool retires each
 * connection after 30 minutes), driven by four clients with a realistic mix of searches, chart reads, registrations,
 * bookings, slot look-ups, recalls and the audit, for {@code venula.soak.minutes}. Reports per five-minute window the
 * requests, errors, latency percentiles, resident memory and database size, to {@code target/soak-report.txt}.
 * Run with {@code ./mvnw verify -Psoak} (an hour; {@code -Dvenula.soak.minutes=N} to change). Fails on any 5xx.
 */
@EnabledIfSystemProperty(named = "venula.soak.minutes", matches = "[0-9]+")
class SoakIT {

    private record Sample(long atMillis, long micros, boolean error) {
    }

    @Test
    void aClinicsDayOnTheEmbeddedDefaultHasNoErrors(@TempDir Path dir) throws Exception {
        Duration length = Duration.ofMinutes(Long.getLong("venula.soak.minutes", 60));
        Duration window = Duration.ofMinutes(Math.max(1, Math.min(5, length.toMinutes() / 6)));
        Path data = dir.resolve("data");
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        List<String> report = new ArrayList<>();
        try (VenulaProcess venula = VenulaProcess.start(data, null, List.of())) {
            Api admin = venula.admin();
            ClinicWrites writes = new ClinicWrites();
            writes.prepare(admin);
            for (int i = 0; i < 200; i++) {
                writes.registerPatient(admin);
            }
            List<String> slots = Collections.synchronizedList(writes.freeSlots(admin));
            long start = System.currentTimeMillis();
            long end = start + length.toMillis();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            AtomicInteger requests = new AtomicInteger();
            for (int c = 0; c < 4; c++) {
                clients.submit(() -> {
                    while (System.currentTimeMillis() < end) {
                        long t0 = System.nanoTime();
                        String what;
                        int status;
                        try {
                            int pick = ThreadLocalRandom.current().nextInt(100);
                            long someone = writes.patients.stream().skip(ThreadLocalRandom.current()
                                    .nextInt(writes.patients.size())).findFirst().orElseThrow().id();
                            if (pick < 35) {
                                what = "search";
                                status = admin.get("/api/patients?query=durable" + ThreadLocalRandom.current()
                                        .nextInt(10) + "&size=20").status();
                            } else if (pick < 55) {
                                what = "read patient";
                                status = admin.get("/api/patients/" + someone).status();
                            } else if (pick < 65) {
                                what = "register";
                                status = writes.registerPatient(admin) > 0 ? 201 : 500;
                            } else if (pick < 72) {
                                what = "book";
                                int before = writes.bookings.size();
                                writes.bookConsultation(admin, slots);
                                status = writes.bookings.size() > before || slots.isEmpty() ? 201 : 409;
                            } else if (pick < 82) {
                                what = "slots";
                                status = admin.get("/api/slots?practitionerId=" + writes.practitionerId
                                        + "&type=TREATMENT&from=" + ApiFixture.today().plusDays(1) + "&to="
                                        + ApiFixture.today().plusDays(14)).status();
                            } else if (pick < 90) {
                                what = "appointments";
                                status = admin.get("/api/patients/" + someone + "/appointments").status();
                            } else if (pick < 97) {
                                what = "recalls";
                                status = admin.get("/api/recalls").status();
                            } else {
                                what = "audit";
                                status = admin.get("/api/audit/outcomes").status();
                            }
                        } catch (RuntimeException e) {
                            what = "request";
                            status = 599;
                        }
                        long micros = (System.nanoTime() - t0) / 1000;
                        boolean error = status >= 500 || !writes.serverErrors.isEmpty();
                        if (error) {
                            errors.add(what + " -> " + status + " " + writes.serverErrors.poll());
                        }
                        samples.add(new Sample(System.currentTimeMillis(), micros, error));
                        requests.incrementAndGet();
                        pause(20);
                    }
                });
            }
            report.add(String.format("%-7s %8s %6s %8s %8s %8s %8s %9s", "minute", "requests", "errors", "p50 ms",
                    "p95 ms", "p99 ms", "RSS MiB", "data MiB"));
            long next = start + window.toMillis();
            while (!clients.awaitTermination(Math.max(1, next - System.currentTimeMillis()), TimeUnit.MILLISECONDS)) {
                report.add(line(samples, next - window.toMillis(), next, start, venula.residentMiB(), size(data)));
                System.out.println("SOAK " + report.get(report.size() - 1));
                next += window.toMillis();
                if (System.currentTimeMillis() > end) {
                    clients.shutdown();
                }
            }
            report.add(line(samples, next - window.toMillis(), Long.MAX_VALUE, start, venula.residentMiB(), size(data)));
            report.add(String.format("all: %d requests in %s, %d errors", requests.get(), length, errors.size()));
            errors.stream().limit(20).forEach(e -> report.add("  " + e));
            venula.stop();
        }
        Files.write(Path.of("target", "soak-report.txt"), report);
        report.forEach(l -> System.out.println("SOAK " + l));
        assertThat(errors).isEmpty();
    }

    private static String line(ConcurrentLinkedQueue<Sample> samples, long from, long to, long start, long rss,
            long dataMiB) {
        List<Long> micros = new ArrayList<>();
        int errors = 0;
        for (Sample s : samples) {
            if (s.atMillis() >= from && s.atMillis() < to) {
                micros.add(s.micros());
                errors += s.error() ? 1 : 0;
            }
        }
        Collections.sort(micros);
        return String.format("%-7d %8d %6d %8.1f %8.1f %8.1f %8d %9d", (from - start) / 60_000, micros.size(), errors,
                pct(micros, 50), pct(micros, 95), pct(micros, 99), rss, dataMiB);
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1000.0;
    }

    private static long size(Path dir) {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum() / (1024 * 1024);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms); // a client's think time between requests, not a wait for state
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.venula;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venula.support.Api;
import org.venula.support.VenulaProcess;

/**
 * The embedded default keeps working when its connection pool retires connections: with HikariCP's shortest
 * lifetime (30 s) every connection is replaced several times while the test writes for two minutes, which is what
 * broke every write after 30 minutes on H2 2.4.240 (a CHECK constraint bound to the connection that created it).
 */
class PoolRecyclingIT {

    @Test
    void writesKeepWorkingWhileThePoolReplacesEveryConnection(@TempDir Path dir) {
        Duration length = Duration.ofSeconds(Long.getLong("venula.pool-recycling.seconds", 120));
        try (VenulaProcess venula = VenulaProcess.start(dir.resolve("data"), null,
                List.of("--spring.datasource.hikari.max-lifetime=30000"))) {
            ClinicWrites writes = new ClinicWrites();
            Api admin = venula.admin();
            writes.prepare(admin);
            List<String> slots = writes.freeSlots(admin);
            long deadline = System.nanoTime() + length.toNanos();
            int rounds = 0;
            while (System.nanoTime() < deadline) {
                writes.registerPatient(admin);
                if (rounds++ % 5 == 0) {
                    writes.bookConsultation(admin, slots);
                }
                assertThat(admin.get("/api/patients?query=durable").status()).isEqualTo(200);
            }
            System.out.printf("POOL-RECYCLING: %d writes over %s with max-lifetime 30 s, %d answered 5xx%n",
                    writes.acknowledged(), length, writes.serverErrors.size());
            assertThat(writes.serverErrors).isEmpty();
            assertThat(writes.missing(admin)).isEmpty();
            assertThat(writes.acknowledged()).isGreaterThan(100);
        }
    }
}

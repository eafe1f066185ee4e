package org.venula.assessment.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Cleans the photos stored before Venula removed metadata on upload: each file is rewritten without its EXIF, XMP
 * and IPTC (upright as before), replaced atomically, and marked. Runs shortly after start and then hourly, on one
 * instance at a time, until none is left; a file that cannot be read is left as it is and reported in the log.
 */
@Component
public class PhotoMetadataBackfill {

    private static final Logger log = LoggerFactory.getLogger(PhotoMetadataBackfill.class);
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final Path root;

    PhotoMetadataBackfill(JdbcClient jdbc, @Value("${venula.data-dir}") String dataDir) {
        this.jdbc = jdbc;
        this.root = Path.of(dataDir, "photos");
    }

    private record Pending(long id, String file, String type) {
    }

    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "PT1H")
    @SchedulerLock(name = "venula-photo-metadata", lockAtMostFor = "PT30M")
    void scheduled() {
        int cleaned = cleanPending();
        if (cleaned > 0) {
            log.info("Removed metadata from {} photos stored before it was removed on upload", cleaned);
        }
    }

    /** Cleans every photo not yet cleaned; returns how many. */
    public int cleanPending() {
        int total = 0;
        long after = 0;
        while (true) {
            List<Pending> batch = jdbc.sql("""
                    SELECT id, file_name, content_type FROM photo WHERE metadata_removed = FALSE AND id > :after
                    ORDER BY id LIMIT :n""").param("after", after).param("n", BATCH)
                    .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
            if (batch.isEmpty()) {
                return total;
            }
            for (Pending p : batch) {
                after = p.id();
                try {
                    Path file = root.resolve(p.file());
                    byte[] clean = PhotoMetadata.clean(Files.readAllBytes(file), p.type()).bytes();
                    Path temporary = file.resolveSibling(file.getFileName() + ".clean");
                    Files.write(temporary, clean);
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    jdbc.sql("UPDATE photo SET metadata_removed = TRUE, size_bytes = :size WHERE id = :id")
                            .param("size", (long) clean.length).param("id", p.id()).update();
                    total++;
                } catch (IOException | RuntimeException e) {
                    log.warn("Could not remove the metadata of photo {}: {}", p.id(), e.toString());
                }
            }
        }
    }
}

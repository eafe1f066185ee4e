package org.venula.accesslog.internal;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.venula.shared.Sha256;

/**
 * The hash of one link: SHA-256 over the previous link's hash and every field of the entry, each written with its
 * length so that no two different entries can produce the same input. Times are taken to the microsecond, which is
 * what both databases keep.
 */
final class ChainHash {

    /** The "previous hash" of a clinic's first link. */
    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    record Fields(long id, OffsetDateTime at, long clinicId, Long userId, String username, Long patientId,
            String action, String detail, String remoteAddress, String channel) {
    }

    static String of(String previous, Fields f) {
        StringBuilder in = new StringBuilder(256);
        field(in, previous);
        field(in, Long.toString(f.id()));
        field(in, f.at() == null ? null : f.at().toInstant().truncatedTo(ChronoUnit.MICROS).toString());
        field(in, Long.toString(f.clinicId()));
        field(in, f.userId() == null ? null : f.userId().toString());
        field(in, f.username());
        field(in, f.patientId() == null ? null : f.patientId().toString());
        field(in, f.action());
        field(in, f.detail());
        field(in, f.remoteAddress());
        field(in, f.channel());
        return Sha256.hex(in.toString());
    }

    private static void field(StringBuilder in, String value) {
        if (value == null) {
            in.append("-;");
        } else {
            in.append(value.length()).append(':').append(value).append(';');
        }
    }
}

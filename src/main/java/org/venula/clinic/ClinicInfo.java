package org.venula.clinic;

import java.time.ZoneId;

/** A clinic as other capabilities see it. */
public record ClinicInfo(long id, String name, ZoneId zone, boolean demo) {
}

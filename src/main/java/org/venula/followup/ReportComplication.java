package org.venula.followup;

import java.time.LocalDate;

/** A complication as a clinician reports it. {@code sessionId}/{@code areaId} where known. */
public record ReportComplication(String type, Long sessionId, Long areaId, LocalDate onsetOn, String severity,
        String foundBy, String management, LocalDate resolvedOn) {
}

package org.venula.aftercare;

import java.time.OffsetDateTime;
import java.util.List;

/** A patient's check-in with its triage, and the clinician who acknowledged it. */
public record CheckIn(long id, long patientId, String patientName, long planId, int daysSinceTreatment,
        List<String> symptoms, String note, String level, String advice, OffsetDateTime createdAt,
        OffsetDateTime acknowledgedAt, String acknowledgedBy, String acknowledgementNote) {
}

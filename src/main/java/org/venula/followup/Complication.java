package org.venula.followup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A complication in the register, tied to the session and area where known; {@code lots} are the lots used in that
 * session (on that area when known). {@code serious} ones wait for the clinic lead. {@code severityReason}: why a
 * proposed complication was confirmed at a lower grade than the check-in's triage proposed.
 */
public record Complication(long id, long patientId, String patientName, Long sessionId, LocalDate sessionDate,
        Long areaId, Long checkInId, String type, LocalDate onsetOn, String severity, String foundBy,
        String management, LocalDate resolvedOn, String status, String statusReason, boolean serious,
        OffsetDateTime leadReviewedAt, String leadReviewedBy, String regulatorReport, List<String> lots,
        OffsetDateTime createdAt, String createdBy, String severityReason) {
}

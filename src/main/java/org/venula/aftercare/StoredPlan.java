package org.venula.aftercare;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A patient's aftercare plan as made from a signed session. {@code version} rises when it is regenerated (by
 * addendum); a superseded plan is kept. {@code linkExpiresAt} is set once a private link has been issued.
 */
public record StoredPlan(long id, long patientId, long sessionId, int version, LocalDate treatmentDate,
        List<String> veinTypes, boolean foamUsed, boolean prolongedStanding, AftercarePlan plan,
        OffsetDateTime linkExpiresAt, OffsetDateTime supersededAt, String supersededBy, String supersedeReason,
        OffsetDateTime createdAt, String createdBy) {

    public boolean current() {
        return supersededAt == null;
    }
}

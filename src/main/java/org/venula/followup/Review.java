package org.venula.followup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A review visit: clearance per mapped area, satisfaction, CEAP and VCSS per leg, and the decision. */
public record Review(long id, long patientId, long practitionerId, String practitionerName, long planId,
        Long lastSessionId, LocalDate reviewedOn, Integer satisfaction, Boolean wouldRepeat, String ceapLeft,
        String ceapRight, Integer vcssLeft, Integer vcssRight, String decision, LocalDate recallOn, String notes,
        List<AreaResult> areas, Double medianClearance, OffsetDateTime createdAt, String createdBy, String reason,
        String timingConcerns) {

    /** Clearance of one mapped area (0, 25, 50, 75, 90 or 100%), and any drainage of trapped blood. */
    public record AreaResult(long areaId, String areaLabel, int clearancePercent, boolean drained,
            String drainageNote) {
    }
}

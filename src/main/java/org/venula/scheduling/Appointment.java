package org.venula.scheduling;

import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonFormat;

import org.venula.scheduling.rules.PathwayRules.Status;
import org.venula.scheduling.rules.PathwayRules.Type;

/** An appointment, its times local to the clinic. */
public record Appointment(long id, long patientId, String patientName, long practitionerId, String practitionerName,
        Type type, @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime start,
        @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime end, Status status, String overrideRule, String overrideReason,
        String overrideBy, String cancelReason, Long rescheduledFrom) {
}

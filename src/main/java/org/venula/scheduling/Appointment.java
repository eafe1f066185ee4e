package org.venula.scheduling;

import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonFormat;

import org.venula.scheduling.rules.PathwayRules.Status;
import org.venula.scheduling.rules.PathwayRules.Type;

/** An appointment, its times local to the clinic. */
public record Appointment(long id, long patientId, String patientName, long practitionerId, String practitionerName,
        Type type, @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime start,
        @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime end, Status status, String overrideRule, String overrideReason,
        String overrideBy, String cancelReason, Long rescheduledFrom, FollowUp followUp) {

    /**
     * What a treatment booking proposes, without booking it: the review window and the earliest next session
     * (protocol: review 28-42 days after, seed 001; sessions at least 28 days apart, seed 004).
     */
    public record FollowUp(java.time.LocalDate reviewFrom, java.time.LocalDate reviewTo,
            java.time.LocalDate nextSessionFrom) {
    }

    public Appointment withFollowUp(FollowUp f) {
        return new Appointment(id, patientId, patientName, practitionerId, practitionerName, type, start, end, status,
                overrideRule, overrideReason, overrideBy, cancelReason, rescheduledFrom, f);
    }
}

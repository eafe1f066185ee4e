package org.venula.scheduling;

import java.time.OffsetDateTime;

import org.venula.scheduling.rules.PathwayRules.Type;

/**
 * A patient waiting for an earlier appointment of a type, with one practitioner or any ({@code practitionerId} null).
 * {@code status}: WAITING, BOOKED (with the appointment) or REMOVED (with the reason).
 */
public record WaitingEntry(long id, long patientId, String patientName, Long practitionerId, String practitionerName,
        Type type, String note, String status, Long appointmentId, String closedReason, OffsetDateTime createdAt,
        String createdBy) {

    /** Where an entry stands: {@code status} is one of these names. */
    public enum Status { WAITING, BOOKED, REMOVED }
}

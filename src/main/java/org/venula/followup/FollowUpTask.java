package org.venula.followup;

import java.time.LocalDate;

import org.venula.followup.rules.FollowUpSchedule.Kind;

/**
 * A task due after a session. {@code appointmentId} and {@code appointmentStart} are set once it is booked;
 * {@code overdue} when its window has passed unbooked.
 */
public record FollowUpTask(long id, long patientId, String patientName, long sessionId, LocalDate sessionDate,
        long practitionerId, String practitionerName, Kind kind, LocalDate dueFrom, LocalDate dueUntil,
        String status, String statusReason, Long appointmentId, java.time.LocalDateTime appointmentStart,
        boolean overdue) {

    /** How long a task whose window has no end stays open before it counts as overdue. */
    public static final int OPEN_WINDOW_DAYS = 30;
}

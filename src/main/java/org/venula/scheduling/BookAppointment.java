package org.venula.scheduling;

import java.time.LocalDateTime;

import org.venula.scheduling.rules.PathwayRules.Rule;
import org.venula.scheduling.rules.PathwayRules.Type;

/** A booking request; {@code start} is a local date-time in the clinic's time zone. */
public record BookAppointment(Long patientId, Long practitionerId, Type type, LocalDateTime start,
        Override override) {

    /** A clinician's decision to book despite one pathway rule, with the reason. Overlaps can't be overridden. */
    public record Override(Rule rule, String reason) {
    }
}

package org.venula.scheduling;

import java.time.LocalDateTime;

import org.venula.scheduling.rules.PathwayRules.Rule;
import org.venula.scheduling.rules.PathwayRules.Type;

/**
 * A booking request; {@code start} is a local date-time in the clinic's time zone. A start in the past is refused
 * unless {@code pastVisit} is true: then a clinician records a visit that already happened (stored as attended, no
 * reminder).
 */
public record BookAppointment(Long patientId, Long practitionerId, Type type, LocalDateTime start,
        Override override, Boolean pastVisit) {

    public BookAppointment(Long patientId, Long practitionerId, Type type, LocalDateTime start, Override override) {
        this(patientId, practitionerId, type, start, override, null);
    }

    public boolean recordsPastVisit() {
        return Boolean.TRUE.equals(pastVisit);
    }

    /** A clinician's decision to book despite one pathway rule, with the reason. Overlaps can't be overridden. */
    public record Override(Rule rule, String reason) {
    }
}

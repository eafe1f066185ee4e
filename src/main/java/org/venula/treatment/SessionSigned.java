package org.venula.treatment;

import java.time.LocalDate;
import java.util.Set;

import org.venula.protocol.ProtocolRef;

/**
 * A clinician signed a treatment session. Published in the signing transaction, where the event publication
 * registry records it; aftercare and follow-up react to it after the commit. {@code prolongedStandingJob}: the
 * patient's work means long standing. {@code sessionNumber} counts the patient's signed sessions of the plan, this
 * one included, of {@code plannedSessions}.
 */
public record SessionSigned(long clinicId, long patientId, long sessionId, long planId, long practitionerId,
        LocalDate sessionDate, Set<String> veinTypes, boolean foamUsed, boolean prolongedStandingJob,
        ProtocolRef protocol, int sessionNumber,
        int plannedSessions, String signedBy) {

    /** The last planned session of the course. */
    public boolean lastOfCourse() {
        return sessionNumber >= plannedSessions;
    }
}

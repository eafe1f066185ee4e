package org.venula.aftercare;

import java.time.LocalDate;
import java.util.List;

/** A patient checked in through their link; follow-up proposes complications from it for a clinician to confirm. */
public record CheckInRecorded(long clinicId, long patientId, long checkInId, long sessionId, LocalDate onDate,
        List<String> symptoms, String level, java.util.Map<String, String> symptomLevels) {

    /** The triage level of one symptom, or the check-in's overall level (events recorded before levels were kept). */
    public String levelOf(String symptom) {
        return symptomLevels == null || !symptomLevels.containsKey(symptom) ? level : symptomLevels.get(symptom);
    }
}

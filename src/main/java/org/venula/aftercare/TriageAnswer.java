package org.venula.aftercare;

import java.util.List;

/**
 * What to do: {@code level} (EMERGENCY, URGENT, CONTACT_CLINIC or EXPECTED), the advice, the symptoms that set the
 * level ({@code matched}), each symptom's own level, and the emergency number when the level is EMERGENCY.
 */
public record TriageAnswer(String level, String advice, List<String> matched, List<SymptomLevel> symptoms,
        String emergencyNumber) {

    public record SymptomLevel(String symptom, String level, String text) {
    }
}

package org.venula.aftercare.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.venula.protocol.ProtocolDocument.Escalation;
import org.venula.protocol.ProtocolDocument.TriageSettings;
import org.venula.protocol.Symptom;
import org.venula.protocol.TriageLevel;

/**
 * Triage of a patient's check-in: each symptom's level from the protocol (never below the symptom's floor, so clot and
 * neurological signs stay EMERGENCY or URGENT whatever the day), raised by an escalation once more than its days
 * have passed; the most urgent wins; no symptoms is EXPECTED.
 */
public final class Triage {

    private Triage() {
    }

    public record Finding(Symptom symptom, TriageLevel level, String text) {
    }

    /**
     * {@code matched}: the symptoms at the winning level. {@code advice}: the level's advice, then reassurance for
     * each expected symptom when nothing is more urgent.
     */
    public record Result(TriageLevel level, String advice, List<Symptom> matched, List<Finding> findings) {
    }

    public static Result triage(TriageSettings settings, int daysSinceTreatment, List<Symptom> symptoms,
            String emergencyNumber) {
        Set<Symptom> unique = new LinkedHashSet<>(symptoms);
        List<Finding> findings = new ArrayList<>();
        TriageLevel worst = TriageLevel.EXPECTED;
        for (Symptom s : unique) {
            TriageLevel level = level(settings, s, daysSinceTreatment);
            findings.add(new Finding(s, level, settings.symptomText().get(s.name())));
            if (level.moreUrgentThan(worst)) {
                worst = level;
            }
        }
        TriageLevel winning = worst;
        List<Symptom> matched = findings.stream().filter(f -> f.level() == winning).map(Finding::symptom).toList();
        StringBuilder advice = new StringBuilder(settings.advice().get(winning.name())
                .replace("{emergencyNumber}", emergencyNumber));
        if (winning == TriageLevel.EXPECTED && settings.reassurance() != null) {
            for (Symptom s : matched) {
                String r = settings.reassurance().get(s.name());
                if (r != null) {
                    advice.append(' ').append(r);
                }
            }
        }
        return new Result(winning, advice.toString(), matched, findings);
    }

    /**
     * The symptoms a patient is told to act on, whatever the day: each at the protocol's level for it (never below
     * its floor), leaving out the EXPECTED ones; most urgent first, in {@link Symptom} order within a level.
     */
    public static List<Finding> redFlags(TriageSettings settings) {
        List<Finding> out = new ArrayList<>();
        for (Symptom s : Symptom.values()) {
            TriageLevel level = atLeastFloor(s, TriageLevel.valueOf(settings.levels().get(s.name())));
            if (level != TriageLevel.EXPECTED) {
                out.add(new Finding(s, level, settings.symptomText().get(s.name())));
            }
        }
        out.sort(Comparator.comparing(Finding::level).reversed());
        return out;
    }

    static TriageLevel level(TriageSettings settings, Symptom s, int daysSinceTreatment) {
        TriageLevel level = TriageLevel.valueOf(settings.levels().get(s.name()));
        Escalation e = settings.escalations() == null ? null : settings.escalations().get(s.name());
        if (e != null && daysSinceTreatment > e.afterDays()) {
            TriageLevel raised = TriageLevel.valueOf(e.level());
            level = raised.moreUrgentThan(level) ? raised : level;
        }
        return atLeastFloor(s, level);
    }

    private static TriageLevel atLeastFloor(Symptom s, TriageLevel level) {
        return s.floor().moreUrgentThan(level) ? s.floor() : level;
    }
}

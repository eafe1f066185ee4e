package org.venula.protocol.rules;

import java.util.Map;
import java.util.Optional;

import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.ProtocolDocument.TriageSettings;
import org.venula.protocol.Symptom;
import org.venula.protocol.TriageLevel;

/**
 * Symptom triage after treatment: every symptom has a level no less urgent than its floor (breathlessness or chest
 * pain can be a clot in the lungs, so a clinic may not call them expected) and a text a patient reads; every level has
 * its advice; an escalation names a symptom, after how many days and to which level.
 */
final class TriageCheck implements SectionCheck {

    @Override
    public void check(ProtocolDocument doc, FieldProblems problems) {
        if (doc.aftercare() == null) {
            return;
        }
        TriageSettings t = doc.aftercare().triage();
        if (!problems.present("aftercare.triage", t)) {
            return;
        }
        for (Symptom symptom : Symptom.values()) {
            String path = "aftercare.triage.levels." + symptom;
            TriageLevel level = named(TriageLevel.class, get(t.levels(), symptom.name())).orElse(null);
            if (level == null) {
                problems.add(path, "is required: EMERGENCY, URGENT, CONTACT_CLINIC or EXPECTED");
            } else if (symptom.floor().moreUrgentThan(level)) {
                problems.add(path, "must be at least " + symptom.floor()
                        + ": this can be a sign of a clot or another emergency");
            }
            String text = get(t.symptomText(), symptom.name());
            if (text == null || text.isBlank()) {
                problems.add("aftercare.triage.symptomText." + symptom, "is required");
            }
        }
        for (TriageLevel level : TriageLevel.values()) {
            problems.text("aftercare.triage.advice." + level, get(t.advice(), level.name()), 1000);
        }
        if (t.escalations() != null) {
            t.escalations().forEach((symptom, e) -> {
                String path = "aftercare.triage.escalations." + symptom;
                if (named(Symptom.class, symptom).isEmpty()) {
                    problems.add(path, "is not a symptom");
                } else if (e == null || e.afterDays() == null || e.afterDays() < 0
                        || named(TriageLevel.class, e.level()).isEmpty()) {
                    problems.add(path, "needs afterDays (0 or more) and a level");
                }
            });
        }
        problems.text("aftercare.triage.source", t.source(), 1000);
    }

    private static <T> T get(Map<String, T> map, String key) {
        return map == null ? null : map.get(key);
    }

    /** The constant a document names as text, if it names one. */
    private static <E extends Enum<E>> Optional<E> named(Class<E> type, String name) {
        try {
            return name == null ? Optional.empty() : Optional.of(Enum.valueOf(type, name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

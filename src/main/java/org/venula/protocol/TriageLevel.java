package org.venula.protocol;

/** How urgently a patient should act on a symptom, from least to most urgent. */
public enum TriageLevel {
    EXPECTED, CONTACT_CLINIC, URGENT, EMERGENCY;

    public boolean moreUrgentThan(TriageLevel other) {
        return compareTo(other) > 0;
    }
}

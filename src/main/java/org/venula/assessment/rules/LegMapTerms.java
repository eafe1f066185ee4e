package org.venula.assessment.rules;

/** The words of the leg map. */
public final class LegMapTerms {

    private LegMapTerms() {
    }

    public enum Leg { LEFT, RIGHT }

    public enum Region { THIGH, KNEE, CALF, ANKLE, FOOT }

    public enum Aspect { ANTERIOR, POSTERIOR, MEDIAL, LATERAL }

    /** Size by seed 001's hand rule: up to one hand, between one and two, two hands or more. */
    public enum AreaSize {
        SMALL(1), MEDIUM(2), LARGE(3);

        private final int hands;

        AreaSize(int hands) {
            this.hands = hands;
        }

        /** The size counted in hands, for pricing by total area. */
        public int hands() {
            return hands;
        }
    }

    /** Symptoms as listed in seed 003. */
    public enum Symptom { ACHING, SWELLING, NIGHT_CRAMPS, ITCHING, RESTLESS_LEGS }

    /** CEAP 2020 clinical classes (domain.md §1.2). */
    public enum ClinicalClass {
        C0, C1, C2, C2r, C3, C4a, C4b, C4c, C5, C6, C6r;

        /** C2 and above: varicose veins or worse, which are treated before thread veins. */
        public boolean varicoseOrWorse() {
            return compareTo(C2) >= 0;
        }
    }
}

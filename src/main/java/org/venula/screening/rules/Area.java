package org.venula.screening.rules;

/** Where the veins to treat are. Veins above the heart are not injected (seeds 000, 001, 002). */
public enum Area {
    LEGS, BODY_BELOW_HEART, FACE, OTHER_ABOVE_HEART;

    public boolean aboveHeart() {
        return this == FACE || this == OTHER_ABOVE_HEART;
    }
}

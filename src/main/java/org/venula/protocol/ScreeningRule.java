package org.venula.protocol;

/** The screening rules a protocol configures. The codes are part of the API. */
public enum ScreeningRule {
    AREA_ABOVE_HEART(false),
    ACUTE_DVT_OR_PE(false),
    UNABLE_TO_WALK(false),
    SCLEROSANT_ALLERGY(false),
    NO_SUITABLE_AGENT(false),
    VISIBLE_VARICOSE_VEINS(false),
    SUPERFICIAL_REFLUX(false),
    DEEP_REFLUX(false),
    DUPLEX_REQUIRED(false),
    VENOUS_SKIN_CHANGES(false),
    ARTERIAL_DISEASE(false),
    PREGNANCY(false),
    BREASTFEEDING(false),
    ACTIVE_INFECTION(false),
    RECENT_ANTIBIOTICS(true),
    RECENT_THROMBOPHLEBITIS(true),
    RECENT_HEART_PROBLEM(true),
    RECENT_LEG_SURGERY(true),
    PREVIOUS_DVT_OR_PE(false),
    THROMBOPHILIA_OR_CANCER(false),
    TAMOXIFEN(false),
    DISULFIRAM(false),
    ANTICOAGULANT(false),
    MIGRAINE_WITH_AURA(false),
    RIGHT_TO_LEFT_SHUNT(false),
    POORLY_CONTROLLED_DIABETES(false),
    LONG_HAUL_FLIGHT_SOON(true),
    PIGMENTATION_RISK(false);

    private final boolean windowed;

    ScreeningRule(boolean windowed) {
        this.windowed = windowed;
    }

    /** Whether the rule applies for a number of days ({@code windowDays}). */
    public boolean windowed() {
        return windowed;
    }
}

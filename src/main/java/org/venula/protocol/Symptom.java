package org.venula.protocol;

/**
 * What a patient can report at a check-in after treatment. Each has a floor that a clinic's protocol cannot lower:
 * signs of a clot in the lungs stay EMERGENCY, signs of a deep vein clot or a neurological event stay URGENT, whatever
 * the day since treatment (clots may still travel up to 4 weeks and beyond: STS label, domain.md S8).
 */
public enum Symptom {
    BREATHLESSNESS(TriageLevel.EMERGENCY), CHEST_PAIN(TriageLevel.EMERGENCY), COUGHING_BLOOD(TriageLevel.EMERGENCY),
    CALF_SWELLING_OR_PAIN(TriageLevel.URGENT), VISUAL_OR_NEUROLOGICAL_OVER_1H(TriageLevel.URGENT),
    SEVERE_HEADACHE(TriageLevel.URGENT),
    SPREADING_REDNESS(TriageLevel.CONTACT_CLINIC), PUS(TriageLevel.CONTACT_CLINIC), FEVER(TriageLevel.CONTACT_CLINIC),
    BLISTERING_OR_SKIN_BREAKDOWN(TriageLevel.CONTACT_CLINIC), RED_PATCH_DARK_CENTRE(TriageLevel.CONTACT_CLINIC),
    HOT_TENDER_CORD(TriageLevel.CONTACT_CLINIC),
    BRUISING(TriageLevel.EXPECTED), ITCHING(TriageLevel.EXPECTED), TENDERNESS(TriageLevel.EXPECTED),
    TENDER_LUMP(TriageLevel.EXPECTED), BROWN_STAINING(TriageLevel.EXPECTED), MATTING(TriageLevel.EXPECTED),
    ANKLE_SWELLING(TriageLevel.EXPECTED);

    private final TriageLevel floor;

    Symptom(TriageLevel floor) {
        this.floor = floor;
    }

    /** The least urgent level a protocol may give this symptom. */
    public TriageLevel floor() {
        return floor;
    }
}

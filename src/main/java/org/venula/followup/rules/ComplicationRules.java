package org.venula.followup.rules;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Complications: which are serious (flagged for the clinic lead with a prompt to report to the regulator), and which
 * complication a patient's check-in symptom suggests for a clinician to confirm.
 */
public final class ComplicationRules {

    private ComplicationRules() {
    }

    public enum Type {
        HYPERPIGMENTATION, MATTING, TRAPPED_BLOOD, SUPERFICIAL_THROMBOPHLEBITIS, BLISTERING,
        SKIN_ULCERATION_OR_NECROSIS, ALLERGIC_REACTION, VISUAL_DISTURBANCE, MIGRAINE, DVT, PULMONARY_EMBOLISM,
        INFECTION, NO_EFFECT, OTHER
    }

    public enum Severity { MILD, MODERATE, SEVERE, SERIOUS }

    public enum FoundBy { REVIEW, CHECK_IN, PHONE }

    /** Where a complication stands in the register: proposed from a check-in, confirmed, or rejected. */
    public enum Status { PROPOSED, CONFIRMED, REJECTED }

    /** Serious whatever the grade: clots and tissue necrosis (domain.md §6; the label's serious adverse events). */
    static final Set<Type> ALWAYS_SERIOUS = EnumSet.of(Type.DVT, Type.PULMONARY_EMBOLISM,
            Type.SKIN_ULCERATION_OR_NECROSIS);

    /**
     * A complication is serious when it is a clot or necrosis, or when the clinician grades it SERIOUS (anaphylaxis, a
     * neurological event, anything that needed hospital care).
     */
    public static boolean serious(Type type, Severity severity) {
        return ALWAYS_SERIOUS.contains(type) || severity == Severity.SERIOUS;
    }

    /**
     * The grade a complication proposed from a patient's check-in starts at: what its triage implies. A clot or
     * necrosis, or anything triaged as an emergency, is SERIOUS; urgent is SEVERE; "contact the clinic" is MODERATE;
     * otherwise MILD. {@code triageLevel} is EMERGENCY, URGENT, CONTACT_CLINIC or EXPECTED.
     */
    public static Severity proposedSeverity(Type type, String triageLevel) {
        if (ALWAYS_SERIOUS.contains(type) || "EMERGENCY".equals(triageLevel)) {
            return Severity.SERIOUS;
        }
        return switch (triageLevel == null ? "" : triageLevel) {
            case "URGENT" -> Severity.SEVERE;
            case "CONTACT_CLINIC" -> Severity.MODERATE;
            default -> Severity.MILD;
        };
    }

    /** A clinician may confirm a proposal at a lower grade than proposed only with a reason. */
    public static boolean lowerGradeNeedsReason(Severity proposed, Severity confirmed) {
        return confirmed.ordinal() < proposed.ordinal();
    }

    /** The complication a check-in symptom suggests; symptoms not listed suggest none. */
    static final Map<String, Type> SUGGESTED = Map.ofEntries(
            Map.entry("BREATHLESSNESS", Type.PULMONARY_EMBOLISM), Map.entry("CHEST_PAIN", Type.PULMONARY_EMBOLISM),
            Map.entry("COUGHING_BLOOD", Type.PULMONARY_EMBOLISM), Map.entry("CALF_SWELLING_OR_PAIN", Type.DVT),
            Map.entry("VISUAL_OR_NEUROLOGICAL_OVER_1H", Type.VISUAL_DISTURBANCE),
            Map.entry("SEVERE_HEADACHE", Type.MIGRAINE), Map.entry("SPREADING_REDNESS", Type.INFECTION),
            Map.entry("PUS", Type.INFECTION), Map.entry("FEVER", Type.INFECTION),
            Map.entry("BLISTERING_OR_SKIN_BREAKDOWN", Type.BLISTERING),
            Map.entry("RED_PATCH_DARK_CENTRE", Type.SKIN_ULCERATION_OR_NECROSIS),
            Map.entry("HOT_TENDER_CORD", Type.SUPERFICIAL_THROMBOPHLEBITIS),
            Map.entry("TENDER_LUMP", Type.TRAPPED_BLOOD), Map.entry("BROWN_STAINING", Type.HYPERPIGMENTATION),
            Map.entry("MATTING", Type.MATTING));

    public static Type suggestedBy(String symptom) {
        return SUGGESTED.get(symptom);
    }
}

package org.venula.assessment.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.venula.assessment.rules.LegMapTerms.ClinicalClass;
import org.venula.patient.DuplexResult;

/**
 * Derives the consultation's outcome with every reason. The most severe outcome wins:
 * not suitable (screening said so) over refer elsewhere (veins above the heart) over treat the underlying veins
 * first (reflux on Doppler/duplex, visible varicose veins, or CEAP C2 or above on either leg; seeds 000, 001, 002)
 * over proceed. Reflux or varicose veins never yield PROCEED: only a clinician's recorded override can.
 */
public final class ConsultationOutcomeRule {

    private ConsultationOutcomeRule() {
    }

    /** The facts the rule reads. {@code refluxResult} is null when no scan was done. */
    public record Facts(boolean areaAboveHeart, DuplexResult refluxResult, boolean visibleVaricoseVeins,
            ClinicalClass ceapLeft, ClinicalClass ceapRight, boolean screeningNotSuitable) {
    }

    public record Reason(ConsultationOutcome outcome, String code, String text) {
    }

    public record Derived(ConsultationOutcome outcome, List<Reason> reasons) {
    }

    public static Derived derive(Facts f) {
        List<Reason> reasons = new ArrayList<>();
        if (f.screeningNotSuitable()) {
            reasons.add(new Reason(ConsultationOutcome.NOT_SUITABLE, "SCREENING_NOT_SUITABLE",
                    "The screening in force found sclerotherapy not suitable."));
        }
        if (f.areaAboveHeart()) {
            reasons.add(new Reason(ConsultationOutcome.REFER_ELSEWHERE, "AREA_ABOVE_HEART",
                    "Veins above the heart are not injected here: refer for laser, IPL or another treatment."));
        }
        if (f.refluxResult() == DuplexResult.SUPERFICIAL_REFLUX) {
            reasons.add(new Reason(ConsultationOutcome.TREAT_UNDERLYING_FIRST, "SUPERFICIAL_REFLUX",
                    "Superficial reflux found: refer to a vascular specialist to treat it first."));
        }
        if (f.refluxResult() == DuplexResult.DEEP_REFLUX) {
            reasons.add(new Reason(ConsultationOutcome.TREAT_UNDERLYING_FIRST, "DEEP_REFLUX",
                    "Deep venous reflux found: refer for vascular assessment first."));
        }
        if (f.visibleVaricoseVeins()) {
            reasons.add(new Reason(ConsultationOutcome.TREAT_UNDERLYING_FIRST, "VISIBLE_VARICOSE_VEINS",
                    "Varicose veins seen standing: treat them before the thread veins."));
        }
        ceap(reasons, "left", f.ceapLeft());
        ceap(reasons, "right", f.ceapRight());
        ConsultationOutcome outcome = reasons.stream().map(Reason::outcome).max(Comparator.naturalOrder())
                .orElse(ConsultationOutcome.PROCEED);
        if (reasons.isEmpty()) {
            reasons.add(new Reason(ConsultationOutcome.PROCEED, "NO_UNDERLYING_DISEASE",
                    "No reflux, no varicose veins and CEAP below C2: a course of sclerotherapy can be planned."));
        }
        return new Derived(outcome, List.copyOf(reasons));
    }

    private static void ceap(List<Reason> reasons, String leg, ClinicalClass c) {
        if (c != null && c.varicoseOrWorse()) {
            reasons.add(new Reason(ConsultationOutcome.TREAT_UNDERLYING_FIRST, "CEAP_" + leg.toUpperCase() + "_" + c,
                    "CEAP " + c + " on the " + leg + " leg: venous disease beyond thread veins; treat it first."));
        }
    }
}

package org.venula.assessment.rules;

/** What the consultation concludes, most severe last. */
public enum ConsultationOutcome {
    /** Plan a course of sclerotherapy. */
    PROCEED,
    /** Reflux or varicose veins: refer to a vascular specialist and treat them first (seeds 000-002). */
    TREAT_UNDERLYING_FIRST,
    /** Veins that this clinic does not inject, such as facial veins (seeds 001, 002). */
    REFER_ELSEWHERE,
    /** Sclerotherapy is not suitable (screening found a contraindication). */
    NOT_SUITABLE
}

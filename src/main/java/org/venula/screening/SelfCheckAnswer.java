package org.venula.screening;

import java.time.LocalDate;
import java.util.List;

import org.venula.screening.rules.Outcome;

/**
 * What a member of the public is told after answering the screening questions themselves: the outcome, the
 * protocol's patient wording of each reason (never the clinicians' wording), and the earliest date treatment could
 * go ahead. It is a guide only, and says so: a clinician decides at the consultation.
 */
public record SelfCheckAnswer(Outcome outcome, List<String> patientMessages, LocalDate earliestTreatmentDate,
        String note) {

    /** Shown with every answer, on the page and in the API. */
    public static final String NOTE = "This is a guide, not a decision. A clinician goes through your health with you "
            + "at the consultation and decides then whether treatment is right for you.";
}

package org.venula.protocol.rules;

import java.util.List;

import org.venula.protocol.ProtocolDocument;
import org.venula.shared.FieldProblem;

/**
 * What makes a protocol document usable, section by section: every screening rule present with a level and a
 * source, windows where a rule has one, at least one stocked sclerosant with positive strengths, a course, prices,
 * consent, booking, dose limits and charting defaults, aftercare and triage, and every source it cites by id in its
 * {@code sources} list. Each problem names the field by its path; every section is checked and every problem kept.
 */
public final class ProtocolCheck {

    public static final int MAX_WINDOW_DAYS = ScreeningCheck.MAX_WINDOW_DAYS;

    /** In the order a document lists its sections, so problems read top to bottom. */
    private static final List<SectionCheck> SECTIONS = List.of(new IdentityCheck(), new ScreeningCheck(),
            new SclerosantCheck(), new PlanCheck(), new PriceCheck(), new ConsentCheck(), new BookingCheck(),
            new TreatmentCheck(), new AftercareCheck(), new TriageCheck(), new AuditCheck(), new SourcesCheck());

    private ProtocolCheck() {
    }

    /** Every problem in the document; the list may be added to. */
    public static List<FieldProblem> problems(ProtocolDocument doc) {
        FieldProblems problems = new FieldProblems();
        if (doc == null) {
            problems.add("document", "is required");
            return problems.list();
        }
        SECTIONS.forEach(section -> section.check(doc, problems));
        return problems.list();
    }
}

package org.venula.protocol.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.ProtocolDocument.AgentChoice;
import org.venula.protocol.ProtocolDocument.PlanSettings;

/**
 * A course: 1 to 20 sessions, the fewest not above the most; 1 to 365 days between sessions, the usual interval not
 * below the shortest; for each vein type at least one choice of a stocked sclerosant at a strength above 0 and at
 * most 3%, as liquid or foam; and the results a patient may expect.
 */
final class PlanCheck extends RequiredSection<PlanSettings> {

    static final int MAX_SESSIONS = 20;

    static final int MAX_INTERVAL_DAYS = 365;

    static final BigDecimal MAX_CONCENTRATION_PERCENT = BigDecimal.valueOf(3);

    /**
     * The forms a sclerosant is injected in. Treatment's {@code DoseCheck.Form} names the same two, but treatment
     * depends on protocol, so the protocol cannot use that enum.
     */
    static final Set<String> FORMS = Set.of("LIQUID", "FOAM");

    PlanCheck() {
        super("plan", ProtocolDocument::plan);
    }

    @Override
    void checkPresent(ProtocolDocument doc, PlanSettings p, FieldProblems problems) {
        Integer min = problems.whole("plan.sessionsMin", p.sessionsMin(), 1, MAX_SESSIONS);
        Integer max = problems.whole("plan.sessionsMax", p.sessionsMax(), 1, MAX_SESSIONS);
        if (min != null && max != null && min > max) {
            problems.add("plan.sessionsMax.value", "must not be below sessionsMin");
        }
        Integer intervalMin = problems.whole("plan.intervalMinDays", p.intervalMinDays(), 1, MAX_INTERVAL_DAYS);
        Integer typical = problems.whole("plan.intervalTypicalDays", p.intervalTypicalDays(), 1, MAX_INTERVAL_DAYS);
        if (intervalMin != null && typical != null && typical < intervalMin) {
            problems.add("plan.intervalTypicalDays.value", "must not be below intervalMinDays");
        }
        Set<String> agents = SclerosantCheck.stocked(doc.sclerosants());
        if (p.agentByVeinType() == null || p.agentByVeinType().isEmpty()) {
            problems.add("plan.agentByVeinType", "is required");
        } else {
            p.agentByVeinType().forEach((veinType, choices) -> choices(problems, "plan.agentByVeinType." + veinType,
                    choices, agents));
        }
        if (problems.present("plan.expectedResults", p.expectedResults())) {
            problems.text("plan.expectedResults.text", p.expectedResults().text(), 1000);
            problems.source("plan.expectedResults", p.expectedResults().source());
        }
    }

    private static void choices(FieldProblems problems, String path, List<AgentChoice> choices, Set<String> agents) {
        if (choices == null || choices.isEmpty()) {
            problems.add(path, "must list at least one choice");
            return;
        }
        for (int i = 0; i < choices.size(); i++) {
            AgentChoice c = choices.get(i);
            String cp = path + "[" + i + "]";
            if (c == null || c.agent() == null || !agents.contains(c.agent())) {
                problems.add(cp + ".agent", "must be one of the stocked sclerosants");
                continue;
            }
            if (c.concentrationPercent() == null || c.concentrationPercent().signum() <= 0
                    || c.concentrationPercent().compareTo(MAX_CONCENTRATION_PERCENT) > 0) {
                problems.add(cp + ".concentrationPercent", "must be above 0 and at most 3");
            }
            if (c.form() == null || !FORMS.contains(c.form())) {
                problems.add(cp + ".form", "must be LIQUID or FOAM");
            }
            problems.source(cp, c.source());
        }
    }
}

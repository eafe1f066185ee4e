package org.venula.protocol.rules;

import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.ProtocolDocument.RuleSetting;
import org.venula.protocol.ProtocolDocument.ScreeningSettings;
import org.venula.protocol.ScreeningRule;

/**
 * Screening: the duplex policy, how long a clearance lasts (a day to two years), and every rule with a level, its
 * texts and a source; a windowed rule (antibiotics, a recent clot) needs its window, from a day to ten years, and a
 * rule without one must not give it.
 */
final class ScreeningCheck extends RequiredSection<ScreeningSettings> {

    static final int MAX_WINDOW_DAYS = 3650;

    static final int MAX_CLEARANCE_DAYS = 730;

    ScreeningCheck() {
        super("screening", ProtocolDocument::screening);
    }

    @Override
    void checkPresent(ProtocolDocument doc, ScreeningSettings s, FieldProblems problems) {
        if (s.duplexRequired() == null || s.duplexRequired().value() == null) {
            problems.add("screening.duplexRequired.value", "is required");
        } else {
            problems.source("screening.duplexRequired", s.duplexRequired().source());
        }
        problems.whole("screening.clearanceValidityDays", s.clearanceValidityDays(), 1, MAX_CLEARANCE_DAYS);
        if (!problems.present("screening.rules", s.rules())) {
            return;
        }
        for (ScreeningRule rule : ScreeningRule.values()) {
            rule(problems, rule, s.rules().get(rule));
        }
    }

    private static void rule(FieldProblems problems, ScreeningRule rule, RuleSetting r) {
        String path = "screening.rules." + rule.name();
        if (!problems.present(path, r)) {
            return;
        }
        problems.present(path + ".level", r.level());
        if (rule.windowed()) {
            if (r.windowDays() == null) {
                problems.add(path + ".windowDays", "is required");
            } else if (r.windowDays() < 1 || r.windowDays() > MAX_WINDOW_DAYS) {
                problems.add(path + ".windowDays", "must be between 1 and " + MAX_WINDOW_DAYS);
            }
        } else if (r.windowDays() != null) {
            problems.add(path + ".windowDays", "does not apply to this rule");
        }
        problems.source(path, r.source());
        problems.text(path + ".clinicianText", r.clinicianText(), 1000);
        problems.text(path + ".patientText", r.patientText(), 1000);
    }
}

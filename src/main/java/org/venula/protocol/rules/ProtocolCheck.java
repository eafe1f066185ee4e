package org.venula.protocol.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.ProtocolDocument.RuleSetting;
import org.venula.protocol.ProtocolDocument.SclerosantSetting;
import org.venula.protocol.ScreeningRule;
import org.venula.shared.FieldProblem;

/**
 * What makes a protocol document usable: every rule present with a level and a source, windows where a rule has
 * one, at least one stocked sclerosant with positive strengths. Each problem names the field by its path.
 */
public final class ProtocolCheck {

    public static final int MAX_WINDOW_DAYS = 3650;

    private ProtocolCheck() {
    }

    public static List<FieldProblem> problems(ProtocolDocument doc) {
        List<FieldProblem> problems = new ArrayList<>();
        if (doc == null) {
            problems.add(new FieldProblem("document", "is required"));
            return problems;
        }
        text(problems, "id", doc.id(), 60);
        if (doc.id() != null && !doc.id().matches("[a-z0-9][a-z0-9-]*")) {
            problems.add(new FieldProblem("id", "may contain only lower-case letters, digits and hyphens"));
        }
        text(problems, "name", doc.name(), 120);
        if (doc.description() != null && doc.description().length() > 1000) {
            problems.add(new FieldProblem("description", "must be at most 1000 characters"));
        }
        if (doc.screening() == null) {
            problems.add(new FieldProblem("screening", "is required"));
        } else {
            screening(problems, doc.screening());
        }
        sclerosants(problems, doc.sclerosants());
        return problems;
    }

    private static void screening(List<FieldProblem> problems, ProtocolDocument.ScreeningSettings s) {
        if (s.duplexRequired() == null || s.duplexRequired().value() == null) {
            problems.add(new FieldProblem("screening.duplexRequired.value", "is required"));
        } else {
            text(problems, "screening.duplexRequired.source", s.duplexRequired().source(), 500);
        }
        if (s.clearanceValidityDays() == null || s.clearanceValidityDays().value() == null) {
            problems.add(new FieldProblem("screening.clearanceValidityDays.value", "is required"));
        } else {
            int days = s.clearanceValidityDays().value();
            if (days < 1 || days > 730) {
                problems.add(new FieldProblem("screening.clearanceValidityDays.value", "must be between 1 and 730"));
            }
            text(problems, "screening.clearanceValidityDays.source", s.clearanceValidityDays().source(), 500);
        }
        if (s.rules() == null) {
            problems.add(new FieldProblem("screening.rules", "is required"));
            return;
        }
        for (ScreeningRule rule : ScreeningRule.values()) {
            String path = "screening.rules." + rule.name();
            RuleSetting r = s.rules().get(rule);
            if (r == null) {
                problems.add(new FieldProblem(path, "is required"));
                continue;
            }
            if (r.level() == null) {
                problems.add(new FieldProblem(path + ".level", "is required"));
            }
            if (rule.windowed()) {
                if (r.windowDays() == null) {
                    problems.add(new FieldProblem(path + ".windowDays", "is required"));
                } else if (r.windowDays() < 1 || r.windowDays() > MAX_WINDOW_DAYS) {
                    problems.add(new FieldProblem(path + ".windowDays", "must be between 1 and " + MAX_WINDOW_DAYS));
                }
            } else if (r.windowDays() != null) {
                problems.add(new FieldProblem(path + ".windowDays", "does not apply to this rule"));
            }
            text(problems, path + ".source", r.source(), 500);
            text(problems, path + ".clinicianText", r.clinicianText(), 1000);
            text(problems, path + ".patientText", r.patientText(), 1000);
        }
    }

    private static void sclerosants(List<FieldProblem> problems, List<SclerosantSetting> sclerosants) {
        if (sclerosants == null || sclerosants.isEmpty()) {
            problems.add(new FieldProblem("sclerosants", "must list at least one sclerosant"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < sclerosants.size(); i++) {
            SclerosantSetting s = sclerosants.get(i);
            String path = "sclerosants[" + i + "]";
            if (s == null) {
                problems.add(new FieldProblem(path, "is required"));
                continue;
            }
            if (s.agent() == null || !s.agent().matches("[A-Z][A-Z0-9_]*")) {
                problems.add(new FieldProblem(path + ".agent", "must be an upper-case code such as POLIDOCANOL"));
            } else if (!seen.add(s.agent())) {
                problems.add(new FieldProblem(path + ".agent", "is listed twice"));
            }
            text(problems, path + ".name", s.name(), 120);
            if (s.containsEthanol() == null) {
                problems.add(new FieldProblem(path + ".containsEthanol", "is required"));
            }
            if (s.strengths() == null || s.strengths().isEmpty()) {
                problems.add(new FieldProblem(path + ".strengths", "must list at least one strength"));
            } else {
                for (int j = 0; j < s.strengths().size(); j++) {
                    BigDecimal v = s.strengths().get(j);
                    if (v == null || v.signum() <= 0 || v.compareTo(BigDecimal.valueOf(100)) > 0) {
                        problems.add(new FieldProblem(path + ".strengths[" + j + "]", "must be a percentage above 0"));
                    }
                }
            }
            text(problems, path + ".source", s.source(), 500);
        }
    }

    private static void text(List<FieldProblem> problems, String path, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(path, "is required"));
        } else if (value.length() > max) {
            problems.add(new FieldProblem(path, "must be at most " + max + " characters"));
        }
    }
}

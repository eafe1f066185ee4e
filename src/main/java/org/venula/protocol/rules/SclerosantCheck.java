package org.venula.protocol.rules;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.ProtocolDocument.SclerosantSetting;

/**
 * The sclerosants a clinic stocks: at least one, each agent once by an upper-case code, with a name, whether it
 * contains ethanol (it matters for patients who must avoid alcohol), its strengths as percentages and a source.
 */
final class SclerosantCheck implements SectionCheck {

    @Override
    public void check(ProtocolDocument doc, FieldProblems problems) {
        List<SclerosantSetting> sclerosants = doc.sclerosants();
        if (sclerosants == null || sclerosants.isEmpty()) {
            problems.add("sclerosants", "must list at least one sclerosant");
            return;
        }
        Set<String> seen = new HashSet<>();
        problems.eachPresent("sclerosants", sclerosants, (path, s) -> {
            problems.uniqueCode(path + ".agent", s.agent(), seen, "must be an upper-case code such as POLIDOCANOL",
                    "is listed twice");
            problems.text(path + ".name", s.name(), 120);
            problems.present(path + ".containsEthanol", s.containsEthanol());
            if (s.strengths() == null || s.strengths().isEmpty()) {
                problems.add(path + ".strengths", "must list at least one strength");
            } else {
                for (int j = 0; j < s.strengths().size(); j++) {
                    BigDecimal v = s.strengths().get(j);
                    if (v == null || v.signum() <= 0 || v.compareTo(BigDecimal.valueOf(100)) > 0) {
                        problems.add(path + ".strengths[" + j + "]", "must be a percentage above 0");
                    }
                }
            }
            problems.source(path, s.source());
        });
    }

    /** The agents the document stocks, as other sections name them. */
    static Set<String> stocked(List<SclerosantSetting> sclerosants) {
        Set<String> agents = new HashSet<>();
        if (sclerosants != null) {
            sclerosants.stream().filter(Objects::nonNull).map(SclerosantSetting::agent).filter(Objects::nonNull)
                    .forEach(agents::add);
        }
        return agents;
    }
}

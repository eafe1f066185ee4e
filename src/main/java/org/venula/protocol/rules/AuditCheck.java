package org.venula.protocol.rules;

import java.util.Arrays;

import org.venula.protocol.ProtocolDocument;

/**
 * The outcome audit's published figures: each complication's reference rates are proportions from 0 to 1, with the
 * text staff read beside the clinic's own rate and its source. The section is optional.
 */
final class AuditCheck implements SectionCheck {

    @Override
    public void check(ProtocolDocument doc, FieldProblems problems) {
        if (doc.audit() == null || doc.audit().references() == null) {
            return;
        }
        doc.audit().references().forEach((type, r) -> {
            String path = "audit.references." + type;
            if (!problems.present(path, r)) {
                return;
            }
            for (Double v : Arrays.asList(r.rate(), r.low(), r.high())) {
                if (v != null && (v < 0 || v > 1)) {
                    problems.add(path, "rates are proportions from 0 to 1");
                }
            }
            problems.text(path + ".text", r.text(), 300);
            problems.source(path, r.source());
        });
    }
}

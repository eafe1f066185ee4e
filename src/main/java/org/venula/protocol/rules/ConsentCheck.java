package org.venula.protocol.rules;

import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.ProtocolDocument.ConsentSettings;
import org.venula.protocol.ProtocolDocument.Risk;

/**
 * Consent: the version of the text a patient signs, the alternatives and the aftercare they commit to, and at least
 * one risk, each with a code, its text, how often it happens and a source.
 */
final class ConsentCheck extends RequiredSection<ConsentSettings> {

    ConsentCheck() {
        super("consent", ProtocolDocument::consent);
    }

    @Override
    void checkPresent(ProtocolDocument doc, ConsentSettings c, FieldProblems problems) {
        problems.text("consent.textVersion", c.textVersion(), 60);
        problems.text("consent.alternatives", c.alternatives(), 2000);
        problems.text("consent.aftercare", c.aftercare(), 2000);
        problems.source("consent", c.source());
        if (c.risks() == null || c.risks().isEmpty()) {
            problems.add("consent.risks", "must list at least one risk");
            return;
        }
        for (int i = 0; i < c.risks().size(); i++) {
            Risk r = c.risks().get(i);
            String path = "consent.risks[" + i + "]";
            if (!problems.present(path, r)) {
                continue;
            }
            problems.text(path + ".code", r.code(), 60);
            problems.text(path + ".text", r.text(), 1000);
            problems.text(path + ".frequency", r.frequency(), 200);
            problems.source(path, r.source());
        }
    }
}

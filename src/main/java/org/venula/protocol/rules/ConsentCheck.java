package org.venula.protocol.rules;

import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.ProtocolDocument.ConsentSettings;

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
        problems.eachPresent("consent.risks", c.risks(), (path, r) -> {
            problems.text(path + ".code", r.code(), 60);
            problems.text(path + ".text", r.text(), 1000);
            problems.text(path + ".frequency", r.frequency(), 200);
            problems.source(path, r.source());
        });
    }
}

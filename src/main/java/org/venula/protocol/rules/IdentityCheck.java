package org.venula.protocol.rules;

import org.venula.protocol.ProtocolDocument;

/** How a protocol is named: an id that is a slug (it appears in addresses and records), a name and a short description. */
final class IdentityCheck implements SectionCheck {

    @Override
    public void check(ProtocolDocument doc, FieldProblems problems) {
        problems.text("id", doc.id(), 60);
        if (doc.id() != null && !doc.id().matches("[a-z0-9][a-z0-9-]*")) {
            problems.add("id", "may contain only lower-case letters, digits and hyphens");
        }
        problems.text("name", doc.name(), 120);
        problems.optional("description", doc.description(), 1000);
    }
}

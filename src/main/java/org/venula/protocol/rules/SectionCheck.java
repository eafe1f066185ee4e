package org.venula.protocol.rules;

import org.venula.protocol.ProtocolDocument;

/** What makes one section of a protocol document usable; {@link ProtocolCheck} runs every section's check in turn. */
interface SectionCheck {

    void check(ProtocolDocument doc, FieldProblems problems);
}

package org.venula.protocol.rules;

import java.util.function.Function;

import org.venula.protocol.ProtocolDocument;

/**
 * The check of a section every protocol document must have: a missing section is one problem at its path ("is
 * required") and nothing more; a present one is checked by {@link #checkPresent}.
 */
abstract class RequiredSection<S> implements SectionCheck {

    private final String path;

    private final Function<ProtocolDocument, S> section;

    RequiredSection(String path, Function<ProtocolDocument, S> section) {
        this.path = path;
        this.section = section;
    }

    @Override
    public final void check(ProtocolDocument doc, FieldProblems problems) {
        S present = section.apply(doc);
        if (problems.present(path, present)) {
            checkPresent(doc, present, problems);
        }
    }

    /** What makes the section, which the document has, usable. */
    abstract void checkPresent(ProtocolDocument doc, S section, FieldProblems problems);
}

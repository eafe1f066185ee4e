package org.venula.protocol.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.Source;

/**
 * The works the document cites: each with an id and a title, ids unique; and every {@code [id]} in a source text
 * names one of them. A document stored before sources had ids has plain texts and cites none.
 */
final class SourcesCheck implements SectionCheck {

    @Override
    public void check(ProtocolDocument doc, FieldProblems problems) {
        Set<String> ids = new HashSet<>();
        List<Source> sources = doc.sources() == null ? List.of() : doc.sources();
        problems.eachPresent("sources", sources, (path, s) -> source(problems, path, s, ids));
        Citations.fields(doc).forEach((path, text) -> {
            for (String id : Citations.ids(text)) {
                if (!ids.contains(id)) {
                    problems.add(path, "cites [" + id + "], which is not in the protocol's sources");
                }
            }
        });
    }

    private static void source(FieldProblems problems, String path, Source s, Set<String> ids) {
        if (s.id() == null || !Citations.SOURCE_ID.matcher(s.id()).matches() || s.id().length() > 60) {
            problems.add(path + ".id", "is required: up to 60 lower-case letters, digits and hyphens");
        } else if (!ids.add(s.id())) {
            problems.add(path + ".id", "appears twice");
        }
        problems.text(path + ".title", s.title(), 300);
        problems.optional(path + ".section", s.section(), 200);
        problems.optional(path + ".publisher", s.publisher(), 200);
        problems.optional(path + ".url", s.url(), 500);
        if (s.url() != null && !s.url().isBlank() && !s.url().matches("https?://\\S+")) {
            problems.add(path + ".url", "must be a web address starting with http:// or https://");
        }
    }
}

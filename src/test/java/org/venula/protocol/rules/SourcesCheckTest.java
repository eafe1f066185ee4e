package org.venula.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.venula.protocol.rules.EditedProtocol.expected;
import static org.venula.protocol.rules.EditedProtocol.problems;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Duplicate and malformed ids, which change what the citations find, are in {@link ProtocolCheckTest}. */
class SourcesCheckTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a rule citing the clinic's own meeting, unlisted  | screening.rules.PREGNANCY.source = [governance-2026] — agreed in November | screening.rules.PREGNANCY.source: cites [governance-2026], which is not in the protocol's sources
            a rule citing a listed work                       | screening.rules.PREGNANCY.source = [nice-cg168-pregnancy]  |
            a source in plain words, citing nothing           | screening.rules.PREGNANCY.source = Clinic governance meeting, November 2026 |
            a work without a title                            | sources[0].title = " "                      | sources[0].title: is required
            a work at an ftp address                          | sources[0].url = ftp://example.invalid      | sources[0].url: must be a web address starting with http:// or https://
            a work at a web address                           | sources[0].url = https://example.invalid/guide |
            a work at an address with a space in it           | sources[0].url = https://example.invalid/a guide | sources[0].url: must be a web address starting with http:// or https://
            a work with no address                            | sources[0].url = null                       |
            two citations, one unlisted                       | prices.source = [dr-jenny-glance], [price-review-2026] | prices.source: cites [price-review-2026], which is not in the protocol's sources
            """)
    void citedWorks(String situation, String edits, String problems) {
        assertThat(problems(new SourcesCheck(), edits)).containsExactlyElementsOf(expected(problems));
    }
}

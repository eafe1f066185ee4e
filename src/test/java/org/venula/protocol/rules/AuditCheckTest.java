package org.venula.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.venula.protocol.rules.EditedProtocol.expected;
import static org.venula.protocol.rules.EditedProtocol.problems;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditCheckTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            staining in no sessions                         | audit.references.HYPERPIGMENTATION.low = 0     |
            staining in every session                       | audit.references.HYPERPIGMENTATION.high = 1    |
            staining in more than every session             | audit.references.HYPERPIGMENTATION.high = 1.5  | audit.references.HYPERPIGMENTATION: rates are proportions from 0 to 1
            a rate below nothing                            | audit.references.MATTING.low = -0.01           | audit.references.MATTING: rates are proportions from 0 to 1
            a rate written as a percentage                  | audit.references.DVT.low = 15; audit.references.DVT.high = 30 | audit.references.DVT: rates are proportions from 0 to 1; audit.references.DVT: rates are proportions from 0 to 1
            a reference without its text                    | audit.references.DVT.text = null               | audit.references.DVT.text: is required
            a reference without a source                    | audit.references.DVT.source = null             | audit.references.DVT.source: is required
            an empty reference                              | audit.references.DVT = null                    | audit.references.DVT: is required
            no outcome audit                                | audit = null                                   |
            """)
    void publishedFigures(String situation, String edits, String problems) {
        assertThat(problems(new AuditCheck(), edits)).containsExactlyElementsOf(expected(problems));
    }
}

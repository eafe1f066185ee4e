package org.venula.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.venula.protocol.rules.EditedProtocol.expected;
import static org.venula.protocol.rules.EditedProtocol.problems;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsentCheckTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a consent text with a new version            | consent.textVersion = standard-2027-01 |
            a consent text without a version             | consent.textVersion = " "              | consent.textVersion: is required
            no alternatives explained                    | consent.alternatives = null            | consent.alternatives: is required
            no aftercare commitment                      | consent.aftercare = null               | consent.aftercare: is required
            no risks listed                              | consent.risks = []                     | consent.risks: must list at least one risk
            staining without how often it happens        | consent.risks[0].frequency = null      | consent.risks[0].frequency: is required
            matting without a code                       | consent.risks[1].code = null           | consent.risks[1].code: is required
            a risk without a source                      | consent.risks[2].source = null         | consent.risks[2].source: is required
            an empty place in the list of risks          | consent.risks[3] = null                | consent.risks[3]: is required
            no consent section                           | consent = null                         | consent: is required
            """)
    void consentSettings(String situation, String edits, String problems) {
        assertThat(problems(new ConsentCheck(), edits)).containsExactlyElementsOf(expected(problems));
    }
}

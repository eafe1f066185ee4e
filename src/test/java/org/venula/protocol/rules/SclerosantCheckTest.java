package org.venula.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.venula.protocol.rules.EditedProtocol.expected;
import static org.venula.protocol.rules.EditedProtocol.problems;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SclerosantCheckTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            polidocanol at 0.25% as stocked               | sclerosants[0].strengths[0] = 0.25       |
            a strength of nothing                         | sclerosants[0].strengths[0] = 0          | sclerosants[0].strengths[0]: must be a percentage above 0
            a negative strength                           | sclerosants[0].strengths[0] = -0.5       | sclerosants[0].strengths[0]: must be a percentage above 0
            a strength of 100%                            | sclerosants[0].strengths[0] = 100        |
            a strength above 100%                         | sclerosants[0].strengths[0] = 100.5      | sclerosants[0].strengths[0]: must be a percentage above 0
            no strengths                                  | sclerosants[0].strengths = []            | sclerosants[0].strengths: must list at least one strength
            an agent in lower case                        | sclerosants[0].agent = polidocanol       | sclerosants[0].agent: must be an upper-case code such as POLIDOCANOL
            polidocanol stocked twice                     | sclerosants[1].agent = POLIDOCANOL       | sclerosants[1].agent: is listed twice
            not saying whether it contains ethanol        | sclerosants[0].containsEthanol = null    | sclerosants[0].containsEthanol: is required
            an agent without a name                       | sclerosants[1].name = null               | sclerosants[1].name: is required
            an agent without a source                     | sclerosants[1].source = null             | sclerosants[1].source: is required
            no sclerosant stocked                         | sclerosants = []                         | sclerosants: must list at least one sclerosant
            """)
    void stockedSclerosants(String situation, String edits, String problems) {
        assertThat(problems(new SclerosantCheck(), edits)).containsExactlyElementsOf(expected(problems));
    }
}

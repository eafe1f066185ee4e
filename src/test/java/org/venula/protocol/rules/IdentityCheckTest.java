package org.venula.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.venula.protocol.rules.EditedProtocol.expected;
import static org.venula.protocol.rules.EditedProtocol.problems;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityCheckTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a clinic's own protocol                         | id = riverside-2027; name = Riverside clinic |
            an id with capitals and spaces                  | id = My Protocol                          | id: may contain only lower-case letters, digits and hyphens
            an id starting with a hyphen                    | id = -riverside                           | id: may contain only lower-case letters, digits and hyphens
            no id                                           | id = null                                 | id: is required
            no name                                         | name = " "                                | name: is required
            no description                                  | description = null                        |
            """)
    void howAProtocolIsNamed(String situation, String edits, String problems) {
        assertThat(problems(new IdentityCheck(), edits)).containsExactlyElementsOf(expected(problems));
    }
}

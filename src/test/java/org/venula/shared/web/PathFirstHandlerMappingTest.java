package org.venula.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathFirstHandlerMappingTest {

    @ParameterizedTest(name = "{0} begins with \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "/api/patients/{id}|/api/patients/",
        "/api/patients|/api/patients",
        "/api/**|/api/",
        "/{page}|/",
        "/admin/audit/funnel/{type}.svg|/admin/audit/funnel/",
        "/files/*.csv|/files/",
        "/a?c|/a",
        "/api/sessions/{id:\\d+}/sign|/api/sessions/",
    })
    void aPatternsLiteralBeginningEndsAtItsFirstVariableOrWildcard(String pattern, String prefix) {
        assertThat(PathFirstHandlerMapping.Mapping.literalPrefix(pattern)).isEqualTo(prefix);
    }
}

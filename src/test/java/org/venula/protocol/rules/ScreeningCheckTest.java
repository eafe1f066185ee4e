package org.venula.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.venula.protocol.rules.EditedProtocol.expected;
import static org.venula.protocol.rules.EditedProtocol.problems;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScreeningCheckTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a clearance that lasts no time at all            | screening.clearanceValidityDays.value = 0    | screening.clearanceValidityDays.value: must be between 1 and 730
            a clearance that lasts one day                   | screening.clearanceValidityDays.value = 1    |
            a clearance that lasts two years                 | screening.clearanceValidityDays.value = 730  |
            a clearance that lasts two years and a day       | screening.clearanceValidityDays.value = 731  | screening.clearanceValidityDays.value: must be between 1 and 730
            no clearance validity                            | screening.clearanceValidityDays.value = null | screening.clearanceValidityDays.value: is required
            no duplex policy                                 | screening.duplexRequired.value = null        | screening.duplexRequired.value: is required
            antibiotics with no window                       | screening.rules.RECENT_ANTIBIOTICS.windowDays = null | screening.rules.RECENT_ANTIBIOTICS.windowDays: is required
            antibiotics with a window of no days             | screening.rules.RECENT_ANTIBIOTICS.windowDays = 0    | screening.rules.RECENT_ANTIBIOTICS.windowDays: must be between 1 and 3650
            antibiotics with a window of a day               | screening.rules.RECENT_ANTIBIOTICS.windowDays = 1    |
            a long-haul flight window of ten years           | screening.rules.LONG_HAUL_FLIGHT_SOON.windowDays = 3650 |
            a long-haul flight window of ten years and a day | screening.rules.LONG_HAUL_FLIGHT_SOON.windowDays = 3651 | screening.rules.LONG_HAUL_FLIGHT_SOON.windowDays: must be between 1 and 3650
            a window on pregnancy, which has none            | screening.rules.PREGNANCY.windowDays = 7     | screening.rules.PREGNANCY.windowDays: does not apply to this rule
            pregnancy without a level                        | screening.rules.PREGNANCY.level = null       | screening.rules.PREGNANCY.level: is required
            tamoxifen left out                               | screening.rules.TAMOXIFEN = null             | screening.rules.TAMOXIFEN: is required
            an allergy rule without a source                 | screening.rules.SCLEROSANT_ALLERGY.source = " " | screening.rules.SCLEROSANT_ALLERGY.source: is required
            a rule without the text a patient reads          | screening.rules.PREGNANCY.patientText = null | screening.rules.PREGNANCY.patientText: is required
            no rules at all                                  | screening.rules = null                       | screening.rules: is required
            no screening section                             | screening = null                             | screening: is required
            """)
    void screeningSettings(String situation, String edits, String problems) {
        assertThat(problems(new ScreeningCheck(), edits)).containsExactlyElementsOf(expected(problems));
    }
}

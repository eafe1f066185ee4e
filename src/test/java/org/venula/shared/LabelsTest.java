package org.venula.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How codes and field names read on pages. */
class LabelsTest {

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(textBlock = """
            TREAT_UNDERLYING_FIRST, Treat underlying first
            DVT,                    DVT
            CO2_O2,                 CO2 O2
            AVOID_SUN_ON_TREATED_SKIN, Avoid sun on treated skin
            """)
    void codes(String code, String shown) {
        assertThat(Labels.sentence(code)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(textBlock = """
            weightKg,                   Weight (kg)
            areaId,                     Area
            concentrationPercent,       Concentration (%)
            volumeMl,                   Volume (mL)
            lowMmHg,                    Low (mmHg)
            areas[0].clearancePercent,  Areas 1 clearance (%)
            override.reason,            Override reason
            ceapLeft,                   CEAP left
            decision,                   Decision
            """)
    void fields(String path, String shown) {
        assertThat(Labels.field(path)).isEqualTo(shown);
    }
}

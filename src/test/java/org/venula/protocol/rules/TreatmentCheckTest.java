package org.venula.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.venula.protocol.rules.EditedProtocol.expected;
import static org.venula.protocol.rules.EditedProtocol.problems;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TreatmentCheckTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a weight valid for no days                      | treatment.weightValidityDays.value = 0     | treatment.weightValidityDays.value: must be between 1 and 3650
            a weight valid for a day                        | treatment.weightValidityDays.value = 1     |
            a weight valid for ten years                    | treatment.weightValidityDays.value = 3650  |
            a weight valid for ten years and a day          | treatment.weightValidityDays.value = 3651  | treatment.weightValidityDays.value: must be between 1 and 3650
            a checklist item in lower case                  | treatment.checklist[0].code = legs_not_shaved | treatment.checklist[0].code: must be upper case letters, digits and _
            the same checklist item twice                   | treatment.checklist[1].code = LEGS_NOT_SHAVED | treatment.checklist[1].code: appears twice
            no checklist                                    | treatment.checklist = null                 |
            polidocanol at 100 mg per kg a day              | treatment.agentLimits.POLIDOCANOL.mgPerKgPerDay = 100   |
            polidocanol above 100 mg per kg a day           | treatment.agentLimits.POLIDOCANOL.mgPerKgPerDay = 100.1 | treatment.agentLimits.POLIDOCANOL.mgPerKgPerDay: must be above 0 and at most 100, or left out
            polidocanol at no mg per kg                     | treatment.agentLimits.POLIDOCANOL.mgPerKgPerDay = 0     | treatment.agentLimits.POLIDOCANOL.mgPerKgPerDay: must be above 0 and at most 100, or left out
            polidocanol without a weight-based limit        | treatment.agentLimits.POLIDOCANOL.mgPerKgPerDay = null  |
            STS at 100 mL of liquid a session               | treatment.agentLimits.SODIUM_TETRADECYL_SULFATE.maxLiquidMlPerSession = 100   |
            STS above 100 mL of liquid a session            | treatment.agentLimits.SODIUM_TETRADECYL_SULFATE.maxLiquidMlPerSession = 100.5 | treatment.agentLimits.SODIUM_TETRADECYL_SULFATE.maxLiquidMlPerSession: must be above 0 and at most 100
            STS with no liquid allowed                      | treatment.agentLimits.SODIUM_TETRADECYL_SULFATE.maxLiquidMlPerSession = 0     | treatment.agentLimits.SODIUM_TETRADECYL_SULFATE.maxLiquidMlPerSession: must be above 0 and at most 100
            a stocked agent without limits                  | treatment.agentLimits.SODIUM_TETRADECYL_SULFATE = null  | treatment.agentLimits.SODIUM_TETRADECYL_SULFATE: is required
            limits for an agent not stocked                 | treatment.agentLimits.CHROMATED_GLYCERIN.maxLiquidMlPerSession = 5 | treatment.agentLimits.CHROMATED_GLYCERIN: must be one of the stocked sclerosants
            telangiectasia up to 3% polidocanol             | treatment.maxConcentrationPercent.TELANGIECTASIA.POLIDOCANOL = 3   |
            telangiectasia up to 3.5% polidocanol           | treatment.maxConcentrationPercent.TELANGIECTASIA.POLIDOCANOL = 3.5 | treatment.maxConcentrationPercent.TELANGIECTASIA.POLIDOCANOL: must be above 0 and at most 3
            a strength for a vein type that does not exist  | treatment.maxConcentrationPercent.TRUNK.POLIDOCANOL = 1            | treatment.maxConcentrationPercent.TRUNK: must be TELANGIECTASIA, RETICULAR or VARICOSE_TRIBUTARY
            a strength for an agent not stocked             | treatment.maxConcentrationPercent.RETICULAR.CHROMATED_GLYCERIN = 1 | treatment.maxConcentrationPercent.RETICULAR.CHROMATED_GLYCERIN: must be one of the stocked sclerosants
            strengths without a source                      | treatment.maxConcentrationSource = null    | treatment.maxConcentrationSource: is required
            100 mL of foam a session                        | treatment.maxFoamMlPerSession.value = 100  |
            more than 100 mL of foam a session              | treatment.maxFoamMlPerSession.value = 101  | treatment.maxFoamMlPerSession.value: must be above 0 and at most 100
            no foam at all                                  | treatment.maxFoamMlPerSession.value = 0; treatment.maxFoamMlLimited.value = 0 | treatment.maxFoamMlPerSession.value: must be above 0 and at most 100; treatment.maxFoamMlLimited.value: must be above 0 and at most 100
            as much foam while foam is limited as otherwise | treatment.maxFoamMlLimited.value = 10      |
            more foam while foam is limited than otherwise  | treatment.maxFoamMlLimited.value = 10.5    | treatment.maxFoamMlLimited.value: must not be above maxFoamMlPerSession
            no foam limit while foam is limited             | treatment.maxFoamMlLimited = null          | treatment.maxFoamMlLimited.value: is required
            a warning at no part of a limit                 | treatment.warnAtPercent.value = 0          | treatment.warnAtPercent.value: must be between 1 and 100
            a warning from 1% of a limit                    | treatment.warnAtPercent.value = 1          |
            a warning only at the limit                     | treatment.warnAtPercent.value = 100        |
            a warning above the limit                       | treatment.warnAtPercent.value = 101        | treatment.warnAtPercent.value: must be between 1 and 100
            no treatment section                            | treatment = null                           | treatment: is required
            """)
    void doseLimits(String situation, String edits, String problems) {
        assertThat(problems(new TreatmentCheck(), edits)).containsExactlyElementsOf(expected(problems));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            foam of no liquid                               | treatment.foamLiquidParts.value = 0        | treatment.foamLiquidParts.value: must be between 1 and 10
            foam of 1 part liquid and 1 part air            | treatment.foamGasParts.value = 1           |
            foam of 2 parts liquid and 10 parts air         | treatment.foamLiquidParts.value = 2; treatment.foamGasParts.value = 10 |
            foam of 10 parts liquid and 10 parts air        | treatment.foamLiquidParts.value = 10; treatment.foamGasParts.value = 10 |
            foam of 11 parts air                            | treatment.foamGasParts.value = 11          | treatment.foamGasParts.value: must be between 1 and 10
            no default foam mix                             | treatment.foamGasParts = null              | treatment.foamGasParts.value: is required
            foam of 2 parts liquid and 1 part air           | treatment.foamLiquidParts.value = 2; treatment.foamGasParts.value = 1 | treatment.foamGasParts.value: must be 1 to 5 parts gas for each part liquid (the Tessari mix is 1 + 4)
            foam of 1 part liquid and 4 parts air (Tessari) | treatment.foamLiquidParts.value = 1; treatment.foamGasParts.value = 4 |
            foam of 1 part liquid and 5 parts air           | treatment.foamGasParts.value = 5           |
            foam of 1 part liquid and 6 parts air           | treatment.foamGasParts.value = 6           | treatment.foamGasParts.value: must be 1 to 5 parts gas for each part liquid (the Tessari mix is 1 + 4)
            foam of 2 parts liquid and 11 parts air         | treatment.foamLiquidParts.value = 2; treatment.foamGasParts.value = 11 | treatment.foamGasParts.value: must be between 1 and 10
            a 24 G needle                                   | treatment.needleGauge.value = 24           | treatment.needleGauge.value: must be between 25 and 33
            a 25 G needle                                   | treatment.needleGauge.value = 25           |
            a 30 G needle                                   | treatment.needleGauge.value = 30           |
            a 33 G needle                                   | treatment.needleGauge.value = 33           |
            a 34 G needle                                   | treatment.needleGauge.value = 34           | treatment.needleGauge.value: must be between 25 and 33
            a needle gauge left blank                       | treatment.needleGauge.value = null         | treatment.needleGauge.value: is required
            a needle without a source                       | treatment.needleGauge.source = null        | treatment.needleGauge.source: is required
            no needle, as stored before there was one       | treatment.needleGauge = null               |
            """)
    void chartingDefaults(String situation, String edits, String problems) {
        assertThat(problems(new TreatmentCheck(), edits)).containsExactlyElementsOf(expected(problems));
    }
}

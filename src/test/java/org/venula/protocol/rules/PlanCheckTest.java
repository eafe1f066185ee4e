package org.venula.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.venula.protocol.rules.EditedProtocol.expected;
import static org.venula.protocol.rules.EditedProtocol.problems;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanCheckTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a course of no sessions                         | plan.sessionsMin.value = 0                                   | plan.sessionsMin.value: must be between 1 and 20
            a course of one session                         | plan.sessionsMin.value = 1; plan.sessionsMax.value = 1       |
            a course of up to twenty sessions               | plan.sessionsMax.value = 20                                  |
            a course of up to twenty-one sessions           | plan.sessionsMax.value = 21                                  | plan.sessionsMax.value: must be between 1 and 20
            at least five sessions but at most four         | plan.sessionsMin.value = 5; plan.sessionsMax.value = 4       | plan.sessionsMax.value: must not be below sessionsMin
            at least four sessions and at most four         | plan.sessionsMin.value = 4; plan.sessionsMax.value = 4       |
            no fewest number of sessions                    | plan.sessionsMin.value = null                                | plan.sessionsMin.value: is required
            sessions no days apart                          | plan.intervalMinDays.value = 0                               | plan.intervalMinDays.value: must be between 1 and 365
            sessions a year apart                           | plan.intervalMinDays.value = 365; plan.intervalTypicalDays.value = 365 |
            sessions usually a year and a day apart         | plan.intervalTypicalDays.value = 366                         | plan.intervalTypicalDays.value: must be between 1 and 365
            usually sooner than the shortest interval       | plan.intervalMinDays.value = 28; plan.intervalTypicalDays.value = 27 | plan.intervalTypicalDays.value: must not be below intervalMinDays
            usually at the shortest interval                | plan.intervalMinDays.value = 28; plan.intervalTypicalDays.value = 28 |
            telangiectasia with polidocanol at 3%           | plan.agentByVeinType.TELANGIECTASIA[0].concentrationPercent = 3    |
            telangiectasia with polidocanol at 3.1%         | plan.agentByVeinType.TELANGIECTASIA[0].concentrationPercent = 3.1  | plan.agentByVeinType.TELANGIECTASIA[0].concentrationPercent: must be above 0 and at most 3
            telangiectasia with polidocanol at 0%           | plan.agentByVeinType.TELANGIECTASIA[0].concentrationPercent = 0    | plan.agentByVeinType.TELANGIECTASIA[0].concentrationPercent: must be above 0 and at most 3
            a tributary with foam                           | plan.agentByVeinType.VARICOSE_TRIBUTARY[2].form = FOAM             |
            a tributary as a gel                            | plan.agentByVeinType.VARICOSE_TRIBUTARY[2].form = GEL              | plan.agentByVeinType.VARICOSE_TRIBUTARY[2].form: must be LIQUID or FOAM
            a choice with no form                           | plan.agentByVeinType.RETICULAR[0].form = null                      | plan.agentByVeinType.RETICULAR[0].form: must be LIQUID or FOAM
            reticular veins with an agent not stocked       | plan.agentByVeinType.RETICULAR[1].agent = ETHANOLAMINE_OLEATE      | plan.agentByVeinType.RETICULAR[1].agent: must be one of the stocked sclerosants
            reticular veins with no choice                  | plan.agentByVeinType.RETICULAR = []                          | plan.agentByVeinType.RETICULAR: must list at least one choice
            no agents by vein type                          | plan.agentByVeinType = null                                  | plan.agentByVeinType: is required
            no expected results                             | plan.expectedResults = null                                  | plan.expectedResults: is required
            expected results without a source               | plan.expectedResults.source = null                           | plan.expectedResults.source: is required
            no plan section                                 | plan = null                                                  | plan: is required
            """)
    void courseSettings(String situation, String edits, String problems) {
        assertThat(problems(new PlanCheck(), edits)).containsExactlyElementsOf(expected(problems));
    }
}

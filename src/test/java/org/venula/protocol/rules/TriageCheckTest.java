package org.venula.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.venula.protocol.rules.EditedProtocol.expected;
import static org.venula.protocol.rules.EditedProtocol.problems;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TriageCheckTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            breathlessness is an emergency                    | aftercare.triage.levels.BREATHLESSNESS = EMERGENCY      |
            breathlessness only urgent                        | aftercare.triage.levels.BREATHLESSNESS = URGENT         | aftercare.triage.levels.BREATHLESSNESS: must be at least EMERGENCY: this can be a sign of a clot or another emergency
            calf swelling raised to an emergency              | aftercare.triage.levels.CALF_SWELLING_OR_PAIN = EMERGENCY |
            calf swelling only a call to the clinic           | aftercare.triage.levels.CALF_SWELLING_OR_PAIN = CONTACT_CLINIC | aftercare.triage.levels.CALF_SWELLING_OR_PAIN: must be at least URGENT: this can be a sign of a clot or another emergency
            fever expected                                    | aftercare.triage.levels.FEVER = EXPECTED                | aftercare.triage.levels.FEVER: must be at least CONTACT_CLINIC: this can be a sign of a clot or another emergency
            bruising a call to the clinic                     | aftercare.triage.levels.BRUISING = CONTACT_CLINIC       |
            bruising at a level that does not exist           | aftercare.triage.levels.BRUISING = WORRYING             | aftercare.triage.levels.BRUISING: is required: EMERGENCY, URGENT, CONTACT_CLINIC or EXPECTED
            itching without a level                           | aftercare.triage.levels.ITCHING = null                  | aftercare.triage.levels.ITCHING: is required: EMERGENCY, URGENT, CONTACT_CLINIC or EXPECTED
            chest pain without the text a patient reads       | aftercare.triage.symptomText.CHEST_PAIN = " "           | aftercare.triage.symptomText.CHEST_PAIN: is required
            no advice for an urgent symptom                   | aftercare.triage.advice.URGENT = null                   | aftercare.triage.advice.URGENT: is required
            ankle swelling escalates on the day               | aftercare.triage.escalations.ANKLE_SWELLING.afterDays = 0  |
            ankle swelling escalates a day before treatment   | aftercare.triage.escalations.ANKLE_SWELLING.afterDays = -1 | aftercare.triage.escalations.ANKLE_SWELLING: needs afterDays (0 or more) and a level
            ankle swelling escalates to no known level        | aftercare.triage.escalations.ANKLE_SWELLING.level = SOON   | aftercare.triage.escalations.ANKLE_SWELLING: needs afterDays (0 or more) and a level
            an escalation for a symptom that does not exist   | aftercare.triage.escalations.HICCUPS.afterDays = 3         | aftercare.triage.escalations.HICCUPS: is not a symptom
            triage without a source                           | aftercare.triage.source = null                          | aftercare.triage.source: is required
            no triage                                         | aftercare.triage = null                                 | aftercare.triage: is required
            no aftercare section, so no triage to check       | aftercare = null                                        |
            """)
    void symptomTriage(String situation, String edits, String problems) {
        assertThat(problems(new TriageCheck(), edits)).containsExactlyElementsOf(expected(problems));
    }
}

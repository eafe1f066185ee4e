package org.venula.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.venula.assessment.rules.LegMapTerms;
import org.venula.treatment.rules.DoseCheck;

/**
 * The protocol sits below assessment and treatment, so it names their vein types and injection forms as text; these
 * must stay the enums' names.
 */
class ClosedSetsTest {

    @Test
    void theProtocolNamesTheVeinTypesTheLegMapRecords() {
        assertThat(VeinTypes.NAMES).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(LegMapTerms.VeinType.values()).map(Enum::name).toList());
    }

    @Test
    void theProtocolNamesTheFormsASessionIsChartedIn() {
        assertThat(PlanCheck.FORMS).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(DoseCheck.Form.values()).map(Enum::name).toList());
    }
}

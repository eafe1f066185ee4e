package org.venula.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.venula.treatment.rules.DoseCheck;
import org.venula.protocol.VeinType;

/**
 * The protocol owns the vein types; it sits below treatment, so it names the injection forms as text, which must stay
 * the enum's names.
 */
class ClosedSetsTest {

    @Test
    void everyVeinTypeIsANameTheProtocolAcceptsAndNothingElseIs() {
        Arrays.stream(VeinType.values()).forEach(v -> assertThat(VeinType.isName(v.name())).isTrue());
        assertThat(VeinType.isName("telangiectasia")).isFalse();
        assertThat(VeinType.isName(null)).isFalse();
    }

    @Test
    void theProtocolNamesTheFormsASessionIsChartedIn() {
        assertThat(PlanCheck.FORMS).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(DoseCheck.Form.values()).map(Enum::name).toList());
    }
}

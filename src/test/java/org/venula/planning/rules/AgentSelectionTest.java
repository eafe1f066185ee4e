package org.venula.planning.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.venula.planning.rules.AgentSelection.Intended;
import org.venula.protocol.ProtocolDocument.PlanSettings;
import org.venula.protocol.Restriction;
import org.venula.support.Presets;

/**
 * The sclerosant a plan intends for each vein type under the standard preset: thread veins polidocanol 0.5% then
 * STS 0.2% liquid; reticular veins polidocanol 1% then STS 0.5% liquid; varicose tributaries STS 1% foam, then
 * polidocanol 1% foam, then STS 1% liquid. The first choice the screening's restrictions allow wins.
 */
class AgentSelectionTest {

    private static final PlanSettings STANDARD = Presets.get("standard").plan();

    private static Set<Restriction> restrictions(String words) {
        return words == null ? Set.of()
                : Arrays.stream(words.split(" ")).map(Restriction::valueOf).collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "{0} with {1}: {2} {3}% {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # vein type         | screening restrictions                          | agent                     | %   | form   | foam limited
            TELANGIECTASIA      | -                                               | POLIDOCANOL               | 0.5 | LIQUID | false
            TELANGIECTASIA      | AVOID_POLIDOCANOL                               | SODIUM_TETRADECYL_SULFATE | 0.2 | LIQUID | false
            TELANGIECTASIA      | NO_FOAM                                         | POLIDOCANOL               | 0.5 | LIQUID | false
            TELANGIECTASIA      | LIMIT_FOAM                                      | POLIDOCANOL               | 0.5 | LIQUID | false
            RETICULAR           | -                                               | POLIDOCANOL               | 1   | LIQUID | false
            RETICULAR           | AVOID_SODIUM_TETRADECYL_SULFATE                 | POLIDOCANOL               | 1   | LIQUID | false
            RETICULAR           | AVOID_POLIDOCANOL                               | SODIUM_TETRADECYL_SULFATE | 0.5 | LIQUID | false
            VARICOSE_TRIBUTARY  | -                                               | SODIUM_TETRADECYL_SULFATE | 1   | FOAM   | false
            VARICOSE_TRIBUTARY  | LIMIT_FOAM                                      | SODIUM_TETRADECYL_SULFATE | 1   | FOAM   | true
            VARICOSE_TRIBUTARY  | NO_FOAM                                         | SODIUM_TETRADECYL_SULFATE | 1   | LIQUID | false
            VARICOSE_TRIBUTARY  | AVOID_SODIUM_TETRADECYL_SULFATE                 | POLIDOCANOL               | 1   | FOAM   | false
            VARICOSE_TRIBUTARY  | AVOID_SODIUM_TETRADECYL_SULFATE LIMIT_FOAM      | POLIDOCANOL               | 1   | FOAM   | true
            VARICOSE_TRIBUTARY  | AVOID_POLIDOCANOL NO_FOAM                       | SODIUM_TETRADECYL_SULFATE | 1   | LIQUID | false
            """)
    void theFirstChoiceTheRestrictionsAllowIsIntended(String veinType, String restricted, String agent,
            BigDecimal percent, String form, boolean foamLimited) {
        Intended intended = AgentSelection.choose(STANDARD, List.of(veinType), restrictions(restricted)).get(0);

        assertThat(intended.veinType()).isEqualTo(veinType);
        assertThat(intended.agent()).isEqualTo(agent);
        assertThat(intended.concentrationPercent()).isEqualByComparingTo(percent);
        assertThat(intended.form()).isEqualTo(form);
        assertThat(intended.source()).isNotBlank();
        if (foamLimited) {
            assertThat(intended.note()).startsWith("Limit foam");
        } else {
            assertThat(intended.note()).isNull();
        }
    }

    @ParameterizedTest(name = "{0} with {1}: nothing allowed")
    @CsvSource(delimiter = '|', textBlock = """
            TELANGIECTASIA      | AVOID_POLIDOCANOL AVOID_SODIUM_TETRADECYL_SULFATE
            RETICULAR           | AVOID_POLIDOCANOL AVOID_SODIUM_TETRADECYL_SULFATE NO_FOAM
            VARICOSE_TRIBUTARY  | AVOID_SODIUM_TETRADECYL_SULFATE NO_FOAM
            VARICOSE_TRIBUTARY  | AVOID_POLIDOCANOL AVOID_SODIUM_TETRADECYL_SULFATE
            """)
    void whenNoChoiceIsAllowedTheClinicianDecides(String veinType, String restricted) {
        Intended intended = AgentSelection.choose(STANDARD, List.of(veinType), restrictions(restricted)).get(0);

        assertThat(intended.agent()).isNull();
        assertThat(intended.form()).isNull();
        assertThat(intended.source()).isNull();
        assertThat(intended.note()).contains("decide with the clinician");
    }

    @Test
    void aVeinTypeTheProtocolHasNoChoiceForIsLeftToTheClinician() {
        Intended intended = AgentSelection.choose(STANDARD, List.of("TRUNCAL"), Set.of()).get(0);

        assertThat(intended.agent()).isNull();
        assertThat(intended.note()).contains("decide with the clinician");
    }

    @Test
    void eachVeinTypeGetsItsOwnChoiceInTheOrderAsked() {
        List<Intended> intended = AgentSelection.choose(STANDARD,
                List.of("VARICOSE_TRIBUTARY", "TELANGIECTASIA"), Set.of(Restriction.NO_FOAM));

        assertThat(intended).extracting(Intended::veinType).containsExactly("VARICOSE_TRIBUTARY", "TELANGIECTASIA");
        assertThat(intended).extracting(Intended::form).containsExactly("LIQUID", "LIQUID");
    }
}

package org.venula.treatment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.venula.protocol.VeinType;
import org.venula.protocol.Restriction;
import org.venula.support.Presets;
import org.venula.treatment.rules.DoseCheck.Form;
import org.venula.treatment.rules.DoseCheck.Injection;
import org.venula.treatment.rules.DoseCheck.Message;
import org.venula.treatment.rules.DoseCheck.Result;
import org.venula.treatment.rules.DoseCheck.Status;

/** The dose check under the standard protocol, at 79.9%, 80%, 100% and 100.1% of every limit. */
class DoseCheckTest {

    private static final DoseCheck.Limits STANDARD = DoseCheck.Limits.of(Presets.get("standard"));

    private static Injection liquid(String agent, String percent, String ml, VeinType type) {
        return new Injection(agent, new BigDecimal(percent), Form.LIQUID, new BigDecimal(ml), 1, 4, type);
    }

    private static Injection foam(String agent, String percent, String ml, int liquidParts, int gasParts) {
        return new Injection(agent, new BigDecimal(percent), Form.FOAM, new BigDecimal(ml), liquidParts, gasParts,
                null);
    }

    private static Result check(String weight, Set<Restriction> restrictions, Injection... injections) {
        return DoseCheck.check(new BigDecimal(weight), STANDARD, restrictions, List.of(injections), List.of());
    }

    private static List<String> codes(Result r) {
        return r.messages().stream().map(m -> m.code() + ":" + m.level()).toList();
    }

    // 62.5 kg: limit 125 mg. Polidocanol 2% is 20 mg/mL; the volumes stay well under the 10 mL liquid limit.
    @ParameterizedTest(name = "polidocanol {1} mg of 125 mg ({0}) is {3}")
    @CsvSource(textBlock = """
            79.9%,  99.875,  4.99375, OK
            80%,    100,     5,       WARN
            100%,   125,     6.25,    WARN
            100.1%, 125.125, 6.25625, BLOCK
            """)
    void polidocanolDailyDoseAtTwoMilligramsPerKilogram(String share, String mg, String ml, Status expected) {
        Result r = check("62.5", Set.of(), liquid("POLIDOCANOL", "2", ml, null));
        assertThat(r.status()).isEqualTo(expected);
        assertThat(r.agents().get(0).totalMg()).isEqualByComparingTo(DoseCheck.round(new BigDecimal(mg)));
        assertThat(r.agents().get(0).limitMg()).isEqualByComparingTo("125.0");
        assertThat(codes(r)).isEqualTo(expected == Status.OK ? List.of()
                : List.of("POLIDOCANOL_DAILY_DOSE:" + expected));
    }

    // Sodium tetradecyl sulfate has no mg/kg limit in standard, only 10 mL of liquid per session.
    @ParameterizedTest(name = "STS liquid {1} mL ({0}) is {2}")
    @CsvSource(textBlock = """
            79.9%,  7.99,  OK
            80%,    8,     WARN
            100%,   10,    WARN
            100.1%, 10.01, BLOCK
            """)
    void liquidVolumeOfTenMillilitresPerSession(String share, String ml, Status expected) {
        Result r = check("70", Set.of(), liquid("SODIUM_TETRADECYL_SULFATE", "0.2", ml, null));
        assertThat(r.status()).isEqualTo(expected);
        assertThat(r.agents().get(0).limitMg()).isNull();
        assertThat(r.agents().get(0).maxLiquidVolumeMl()).isEqualByComparingTo("10.0");
        assertThat(codes(r)).isEqualTo(expected == Status.OK ? List.of() : List.of("LIQUID_VOLUME:" + expected));
    }

    @ParameterizedTest(name = "foam {1} mL, LIMIT_FOAM {2} ({0}) is {3}")
    @CsvSource(textBlock = """
            79.9%,  7.99,  false, OK
            80%,    8,     false, WARN
            100%,   10,    false, WARN
            100.1%, 10.01, false, BLOCK
            79.9%,  3.995, true,  OK
            80%,    4,     true,  WARN
            100%,   5,     true,  WARN
            100.1%, 5.005, true,  BLOCK
            """)
    void foamVolumeOfTenMillilitresOrFiveWhenLimited(String share, String ml, boolean limited, Status expected) {
        Result r = check("70", limited ? Set.of(Restriction.LIMIT_FOAM) : Set.of(),
                foam("SODIUM_TETRADECYL_SULFATE", "1", ml, 1, 4));
        assertThat(r.status()).isEqualTo(expected);
        assertThat(r.maxFoamVolumeMl()).isEqualByComparingTo(limited ? "5.0" : "10.0");
        assertThat(codes(r)).isEqualTo(expected == Status.OK ? List.of() : List.of("FOAM_VOLUME:" + expected));
    }

    @ParameterizedTest(name = "{0}% foam {1} mL at {2}+{3} is {4} mg of liquid sclerosant")
    @CsvSource(textBlock = """
            1,   2,  1, 4, 4.0
            1,   2,  1, 3, 5.0
            3,   1,  1, 2, 10.0
            0.5, 10, 1, 4, 10.0
            """)
    void foamCountsOnlyItsLiquidPart(String percent, String ml, int liquidParts, int gasParts, String mg) {
        Result r = check("70", Set.of(), foam("POLIDOCANOL", percent, ml, liquidParts, gasParts));
        assertThat(r.agents().get(0).totalMg()).isEqualByComparingTo(mg);
        assertThat(r.agents().get(0).liquidVolumeMl()).isEqualByComparingTo("0.0");
    }

    @Test
    void theIssuesExampleAnswersExactly() {
        Result r = check("62.5", Set.of(), liquid("POLIDOCANOL", "0.5", "0.3", VeinType.TELANGIECTASIA),
                new Injection("POLIDOCANOL", new BigDecimal("1.0"), Form.FOAM, new BigDecimal("2.0"), 1, 4,
                        VeinType.RETICULAR));
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.agents()).containsExactly(new DoseCheck.AgentTotal("POLIDOCANOL", new BigDecimal("5.5"),
                new BigDecimal("125.0"), new BigDecimal("0.3"), new BigDecimal("10.0")));
        assertThat(r.foamVolumeMl()).isEqualTo(new BigDecimal("2.0"));
        assertThat(r.maxFoamVolumeMl()).isEqualTo(new BigDecimal("10.0"));
        assertThat(r.messages()).isEmpty();
    }

    @Test
    void noFoamBlocksFoamButLeavesTheFoamLimitAlone() {
        Result r = check("70", Set.of(Restriction.NO_FOAM), liquid("POLIDOCANOL", "0.5", "0.2", null),
                foam("POLIDOCANOL", "1", "1", 1, 4), foam("POLIDOCANOL", "1", "1", 1, 4));
        assertThat(r.status()).isEqualTo(Status.BLOCK);
        assertThat(r.maxFoamVolumeMl()).isEqualByComparingTo("10.0");
        assertThat(r.messages()).extracting(Message::code).containsExactly("FOAM_NOT_ALLOWED");
        assertThat(r.messages().get(0).text()).contains("injections 2, 3");
    }

    @Test
    void anAgentTheScreeningAvoidsIsBlocked() {
        Result r = check("70", Set.of(Restriction.AVOID_POLIDOCANOL),
                liquid("SODIUM_TETRADECYL_SULFATE", "0.2", "0.2", null), liquid("POLIDOCANOL", "0.5", "0.2", null));
        assertThat(codes(r)).containsExactly("AGENT_NOT_ALLOWED:BLOCK");
        assertThat(r.messages().get(0).text()).contains("Polidocanol").contains("injection 2");
        assertThat(check("70", Set.of(Restriction.AVOID_SODIUM_TETRADECYL_SULFATE),
                liquid("POLIDOCANOL", "0.5", "0.2", null)).status()).isEqualTo(Status.OK);
    }

    @ParameterizedTest(name = "{0} {1}% for {2}: {3}")
    @CsvSource(textBlock = """
            POLIDOCANOL,               0.5,  TELANGIECTASIA,     OK
            POLIDOCANOL,               0.6,  TELANGIECTASIA,     WARN
            SODIUM_TETRADECYL_SULFATE, 0.2,  TELANGIECTASIA,     OK
            SODIUM_TETRADECYL_SULFATE, 0.25, TELANGIECTASIA,     WARN
            POLIDOCANOL,               1,    RETICULAR,          OK
            POLIDOCANOL,               2,    RETICULAR,          WARN
            SODIUM_TETRADECYL_SULFATE, 0.5,  RETICULAR,          OK
            SODIUM_TETRADECYL_SULFATE, 1,    RETICULAR,          WARN
            SODIUM_TETRADECYL_SULFATE, 3,    VARICOSE_TRIBUTARY, OK
            """)
    void strengthAboveTheUsualForTheVeinTypeWarns(String agent, String percent, VeinType type, Status expected) {
        Result r = check("70", Set.of(), liquid(agent, percent, "0.1", type));
        assertThat(r.status()).isEqualTo(expected);
        if (expected == Status.WARN) {
            assertThat(codes(r)).containsExactly("CONCENTRATION_ABOVE_TYPICAL:WARN");
        }
    }

    @Test
    void withoutAVeinTypeTheStrengthIsNotCompared() {
        assertThat(check("70", Set.of(), liquid("POLIDOCANOL", "3", "0.1", null)).messages()).isEmpty();
    }

    @Test
    void twoSessionsOnOneDayShareTheDailyDoseButNotTheVolumes() {
        List<Injection> morning = List.of(liquid("POLIDOCANOL", "2", "5", null)); // 100 mg
        List<Injection> afternoon = List.of(liquid("POLIDOCANOL", "1", "3", null)); // 30 mg
        Result alone = DoseCheck.check(new BigDecimal("62.5"), STANDARD, Set.of(), afternoon, List.of());
        Result sameDay = DoseCheck.check(new BigDecimal("62.5"), STANDARD, Set.of(), afternoon, morning);
        assertThat(alone.status()).isEqualTo(Status.OK);
        assertThat(sameDay.status()).isEqualTo(Status.BLOCK);
        assertThat(sameDay.agents().get(0).totalMg()).isEqualByComparingTo("130.0");
        assertThat(sameDay.agents().get(0).liquidVolumeMl()).isEqualByComparingTo("3.0");
        assertThat(codes(sameDay)).containsExactly("POLIDOCANOL_DAILY_DOSE:BLOCK");
    }

    @Test
    void oneMessagePerCodeAndLevelNamingEveryAgent() {
        Result r = check("200", Set.of(), liquid("POLIDOCANOL", "0.5", "9", null),
                liquid("SODIUM_TETRADECYL_SULFATE", "0.2", "8.5", null));
        assertThat(codes(r)).containsExactly("LIQUID_VOLUME:WARN");
        assertThat(r.messages().get(0).text()).contains("polidocanol 9.0 mL").contains("sodium tetradecyl sulfate 8.5 mL");
        Result mixed = check("200", Set.of(), liquid("POLIDOCANOL", "0.5", "9", null),
                liquid("SODIUM_TETRADECYL_SULFATE", "0.2", "10.5", null));
        assertThat(codes(mixed)).containsExactly("LIQUID_VOLUME:WARN", "LIQUID_VOLUME:BLOCK");
        assertThat(mixed.status()).isEqualTo(Status.BLOCK);
    }

    @Test
    void agentsAreListedInOrderOfFirstInjection() {
        Result r = check("70", Set.of(), liquid("SODIUM_TETRADECYL_SULFATE", "0.2", "0.1", null),
                liquid("POLIDOCANOL", "0.5", "0.1", null), liquid("SODIUM_TETRADECYL_SULFATE", "0.2", "0.1", null));
        assertThat(r.agents()).extracting(DoseCheck.AgentTotal::agent)
                .containsExactly("SODIUM_TETRADECYL_SULFATE", "POLIDOCANOL");
    }

    @Test
    void aThirdPartIsDividedToSixteenDigitsNotRoundedEarly() {
        // 3 x (1% foam 1 mL at 1+2) = 3 x 3.333... mg = 10.0 mg, not 9.999 or 10.002.
        Result r = check("70", Set.of(), foam("POLIDOCANOL", "1", "1", 1, 2), foam("POLIDOCANOL", "1", "1", 1, 2),
                foam("POLIDOCANOL", "1", "1", 1, 2));
        assertThat(r.agents().get(0).totalMg()).isEqualTo(new BigDecimal("10.0"));
    }
}

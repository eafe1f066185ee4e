package org.venula.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.venula.support.Histories.history;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.venula.protocol.Level;
import org.venula.protocol.Restriction;
import org.venula.protocol.ScreeningRule;
import org.venula.support.Presets;

/**
 * The standard protocol's screening rules, each at, just before and just after its window. The treatment date is
 * 22 November 2026 throughout; a window of N days after D defers treatment until D + N.
 */
class ScreeningEngineTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

    /** The rule table, shared with the portal's self-check scenarios: see the file's header. */
    static final String CASES = "/screening/standard-protocol-cases.psv";

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = CASES, delimiter = '|', nullValues = "null")
    void standardProtocol(String situation, String answers, Outcome outcome, String findings, LocalDate earliest) {
        ScreeningResult r = ScreeningEngine.evaluate(AS_OF, Area.LEGS, history(answers), Presets.get("standard"));
        assertThat(r.outcome()).as(situation).isEqualTo(outcome);
        assertThat(r.findings()).extracting(f -> f.code().name()).as(situation).containsExactly(codes(findings));
        assertThat(r.earliestTreatmentDate()).as(situation).isEqualTo(earliest);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            LEGS,              ELIGIBLE
            BODY_BELOW_HEART,  ELIGIBLE
            FACE,              REFER
            OTHER_ABOVE_HEART, REFER
            """)
    void veinsAboveTheHeartAreReferredElsewhere(Area area, Outcome outcome) {
        ScreeningResult r = ScreeningEngine.evaluate(AS_OF, area, history("-"), Presets.get("standard"));
        assertThat(r.outcome()).isEqualTo(outcome);
        if (outcome == Outcome.REFER) {
            assertThat(r.findings()).extracting(Finding::code).containsExactly(ScreeningRule.AREA_ABOVE_HEART);
        }
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            standard           | duplex=NOT_DONE                                  | ELIGIBLE | -
            continuous-21-days | duplex=NOT_DONE                                  | REFER    | DUPLEX_REQUIRED
            continuous-21-days | duplex=NO_REFLUX                                 | ELIGIBLE | -
            bas-guide          | duplex=NOT_DONE                                  | ELIGIBLE | -
            bas-guide          | duplex=NOT_DONE, visibleVaricoseVeins=true       | REFER    | VISIBLE_VARICOSE_VEINS DUPLEX_REQUIRED
            bas-guide          | duplex=NO_REFLUX, visibleVaricoseVeins=true      | REFER    | VISIBLE_VARICOSE_VEINS
            """)
    void theDuplexPolicyComesFromTheProtocol(String protocol, String answers, Outcome outcome, String findings) {
        ScreeningResult r = ScreeningEngine.evaluate(AS_OF, Area.LEGS, history(answers), Presets.get(protocol));
        assertThat(r.outcome()).isEqualTo(outcome);
        assertThat(r.findings()).extracting(f -> f.code().name()).containsExactly(codes(findings));
    }

    @ParameterizedTest(name = "{0} with {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            standard               | previousDvtOrPe=true            | CAUTION
            one-week               | previousDvtOrPe=true            | NOT_SUITABLE
            short-course           | sclerosantAllergies=POLIDOCANOL | NOT_SUITABLE
            graduated-by-vein-type | poorlyControlledDiabetes=true   | DEFER
            graduated-by-vein-type | plannedLongHaulFlightOn=2026-11-29 | ELIGIBLE
            standard               | plannedLongHaulFlightOn=2026-11-29 | CAUTION
            """)
    void presetsSetTheirOwnLevelsAndWindows(String protocol, String answers, Outcome outcome) {
        assertThat(ScreeningEngine.evaluate(AS_OF, Area.LEGS, history(answers), Presets.get(protocol)).outcome())
                .isEqualTo(outcome);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            medications=DISULFIRAM                                        | AVOID_POLIDOCANOL
            sclerosantAllergies=SODIUM_TETRADECYL_SULFATE                 | AVOID_SODIUM_TETRADECYL_SULFATE
            migraineWithAura=true                                         | LIMIT_FOAM
            knownRightToLeftShunt=true                                    | NO_FOAM
            migraineWithAura=true, knownRightToLeftShunt=true             | LIMIT_FOAM NO_FOAM
            medications=DISULFIRAM, sclerosantAllergies=POLIDOCANOL       | AVOID_POLIDOCANOL
            pregnant=true, knownRightToLeftShunt=true                     | NO_FOAM
            """)
    void restrictionsAreReportedOnceEachAndSortedWhateverTheOutcome(String answers, String restrictions) {
        ScreeningResult r = ScreeningEngine.evaluate(AS_OF, Area.LEGS, history(answers), Presets.get("standard"));
        assertThat(r.restrictions()).extracting(Restriction::name).containsExactly(codes(restrictions));
    }

    @Test
    void oneAllergyFindingNamesEveryAgent() {
        ScreeningResult r = ScreeningEngine.evaluate(AS_OF, Area.LEGS,
                history("sclerosantAllergies=POLIDOCANOL+SODIUM_TETRADECYL_SULFATE"), Presets.get("standard"));
        Finding allergy = r.findings().get(0);
        assertThat(allergy.code()).isEqualTo(ScreeningRule.SCLEROSANT_ALLERGY);
        assertThat(allergy.clinicianText()).contains("polidocanol and sodium tetradecyl sulfate");
        assertThat(r.findings()).filteredOn(f -> f.code() == ScreeningRule.SCLEROSANT_ALLERGY).hasSize(1);
    }

    @Test
    void aDeferralSaysItsDateInBothWordings() {
        Finding f = ScreeningEngine.evaluate(AS_OF, Area.LEGS, history("lastAntibioticsOn=2026-11-15"),
                Presets.get("standard")).findings().get(0);
        assertThat(f.level()).isEqualTo(Level.DEFER);
        assertThat(f.until()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(f.clinicianText()).contains("29 November 2026");
        assertThat(f.patientText()).contains("29 November 2026").doesNotContain("{");
        assertThat(f.source()).isEqualTo("UK clinic microsclerotherapy page: Am I a suitable candidate for microsclerotherapy?"
                + " — antibiotics in the last fortnight");
    }

    @Test
    void everyPresetGivesEveryRuleASourceAndTexts() {
        Presets.all().forEach((id, doc) -> {
            for (ScreeningRule rule : ScreeningRule.values()) {
                assertThat(doc.rule(rule).source()).as(id + " " + rule).isNotBlank();
                assertThat(doc.rule(rule).patientText()).as(id + " " + rule).isNotBlank();
            }
        });
        assertThat(Presets.all().keySet()).contains("standard", "bas-guide", "one-week", "continuous-21-days",
                "graduated-by-vein-type", "short-course");
    }

    @Test
    void unansweredQuestionsFutureDatesAndBadSkinTypesAreEachNamed() {
        var answers = org.venula.support.Histories.apply(org.venula.support.Histories.allNo(),
                "pregnant=null, ableToWalk=null, lastHeartProblemOn=2026-11-23, fitzpatrickSkinType=7");
        assertThat(ScreeningEngine.problems(org.venula.support.Histories.of(answers), AS_OF, "history."))
                .extracting(p -> p.field())
                .containsExactlyInAnyOrder("history.pregnant", "history.ableToWalk", "history.lastHeartProblemOn",
                        "history.fitzpatrickSkinType");
    }

    private static String[] codes(String spaceSeparated) {
        return spaceSeparated == null || spaceSeparated.isBlank() || spaceSeparated.equals("-") ? new String[0]
                : Arrays.stream(spaceSeparated.trim().split("\\s+")).toArray(String[]::new);
    }

    static List<String> names(List<Finding> findings) {
        return findings.stream().map(f -> f.code().name()).toList();
    }
}

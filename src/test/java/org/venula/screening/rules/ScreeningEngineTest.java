package org.venula.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.venula.support.Histories.history;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # situation                                   | answers                                   | outcome      | findings                         | earliest
            nothing of note                                | -                                         | ELIGIBLE     | -                                | 2026-11-22
            acute DVT or PE                                | acuteDvtOrPe=true                         | NOT_SUITABLE | ACUTE_DVT_OR_PE                  | null
            unable to walk                                 | ableToWalk=false                          | NOT_SUITABLE | UNABLE_TO_WALK                   | null
            allergic to polidocanol                        | sclerosantAllergies=POLIDOCANOL           | CAUTION      | SCLEROSANT_ALLERGY               | 2026-11-22
            allergic to both agents                        | sclerosantAllergies=POLIDOCANOL+SODIUM_TETRADECYL_SULFATE | NOT_SUITABLE | SCLEROSANT_ALLERGY NO_SUITABLE_AGENT | null
            visible varicose veins                         | visibleVaricoseVeins=true                 | REFER        | VISIBLE_VARICOSE_VEINS           | null
            superficial reflux on duplex                   | duplex=SUPERFICIAL_REFLUX                 | REFER        | SUPERFICIAL_REFLUX               | null
            deep reflux on duplex                          | duplex=DEEP_REFLUX                        | REFER        | DEEP_REFLUX                      | null
            no reflux on duplex                            | duplex=NO_REFLUX                          | ELIGIBLE     | -                                | 2026-11-22
            venous skin changes                            | venousSkinChanges=true                    | REFER        | VENOUS_SKIN_CHANGES              | null
            peripheral arterial disease                    | peripheralArterialDisease=true            | REFER        | ARTERIAL_DISEASE                 | null
            pregnant                                       | pregnant=true                             | DEFER        | PREGNANCY                        | null
            breastfeeding                                  | breastfeeding=true                        | DEFER        | BREASTFEEDING                    | null
            current infection                              | currentInfection=true                     | DEFER        | ACTIVE_INFECTION                 | null
            antibiotics today                              | lastAntibioticsOn=2026-11-22              | DEFER        | RECENT_ANTIBIOTICS               | 2026-12-06
            antibiotics 13 days ago                        | lastAntibioticsOn=2026-11-09              | DEFER        | RECENT_ANTIBIOTICS               | 2026-11-23
            antibiotics 14 days ago: window just over      | lastAntibioticsOn=2026-11-08              | ELIGIBLE     | -                                | 2026-11-22
            antibiotics 15 days ago                        | lastAntibioticsOn=2026-11-07              | ELIGIBLE     | -                                | 2026-11-22
            thrombophlebitis 83 days ago                   | lastThrombophlebitisOn=2026-08-31         | DEFER        | RECENT_THROMBOPHLEBITIS          | 2026-11-23
            thrombophlebitis 84 days ago                   | lastThrombophlebitisOn=2026-08-30         | ELIGIBLE     | -                                | 2026-11-22
            thrombophlebitis 85 days ago                   | lastThrombophlebitisOn=2026-08-29         | ELIGIBLE     | -                                | 2026-11-22
            heart problem 83 days ago                      | lastHeartProblemOn=2026-08-31             | DEFER        | RECENT_HEART_PROBLEM             | 2026-11-23
            heart problem 84 days ago                      | lastHeartProblemOn=2026-08-30             | ELIGIBLE     | -                                | 2026-11-22
            heart problem 85 days ago                      | lastHeartProblemOn=2026-08-29             | ELIGIBLE     | -                                | 2026-11-22
            leg surgery 83 days ago                        | lastLegSurgeryOn=2026-08-31               | DEFER        | RECENT_LEG_SURGERY               | 2026-11-23
            leg surgery 84 days ago                        | lastLegSurgeryOn=2026-08-30               | ELIGIBLE     | -                                | 2026-11-22
            leg surgery 85 days ago                        | lastLegSurgeryOn=2026-08-29               | ELIGIBLE     | -                                | 2026-11-22
            previous DVT                                   | previousDvtOrPe=true                      | CAUTION      | PREVIOUS_DVT_OR_PE               | 2026-11-22
            thrombophilia                                  | thrombophilia=true                        | CAUTION      | THROMBOPHILIA_OR_CANCER          | 2026-11-22
            active cancer                                  | activeCancer=true                         | CAUTION      | THROMBOPHILIA_OR_CANCER          | 2026-11-22
            thrombophilia and cancer: one finding          | thrombophilia=true, activeCancer=true     | CAUTION      | THROMBOPHILIA_OR_CANCER          | 2026-11-22
            tamoxifen                                      | medications=TAMOXIFEN                     | CAUTION      | TAMOXIFEN                        | 2026-11-22
            disulfiram                                     | medications=DISULFIRAM                    | CAUTION      | DISULFIRAM                       | 2026-11-22
            anticoagulant                                  | medications=ANTICOAGULANT                 | CAUTION      | ANTICOAGULANT                    | 2026-11-22
            migraine with aura                             | migraineWithAura=true                     | CAUTION      | MIGRAINE_WITH_AURA               | 2026-11-22
            right-to-left shunt                            | knownRightToLeftShunt=true                | CAUTION      | RIGHT_TO_LEFT_SHUNT              | 2026-11-22
            poorly controlled diabetes                     | poorlyControlledDiabetes=true             | CAUTION      | POORLY_CONTROLLED_DIABETES       | 2026-11-22
            long-haul flight on the treatment day          | plannedLongHaulFlightOn=2026-11-22        | CAUTION      | LONG_HAUL_FLIGHT_SOON            | 2026-11-22
            long-haul flight 41 days after                 | plannedLongHaulFlightOn=2027-01-02        | CAUTION      | LONG_HAUL_FLIGHT_SOON            | 2026-11-22
            long-haul flight 42 days after                 | plannedLongHaulFlightOn=2027-01-03        | ELIGIBLE     | -                                | 2026-11-22
            long-haul flight the day before                | plannedLongHaulFlightOn=2026-11-21        | ELIGIBLE     | -                                | 2026-11-22
            skin type III                                  | fitzpatrickSkinType=3                     | ELIGIBLE     | -                                | 2026-11-22
            skin type IV: INFO only, still eligible        | fitzpatrickSkinType=4                     | ELIGIBLE     | PIGMENTATION_RISK                | 2026-11-22
            skin type VI                                   | fitzpatrickSkinType=6                     | ELIGIBLE     | PIGMENTATION_RISK                | 2026-11-22
            pregnant with reflux: refer wins               | pregnant=true, duplex=SUPERFICIAL_REFLUX  | REFER        | SUPERFICIAL_REFLUX PREGNANCY     | null
            antibiotics and thrombophlebitis: later date   | lastAntibioticsOn=2026-11-20, lastThrombophlebitisOn=2026-10-01 | DEFER | RECENT_ANTIBIOTICS RECENT_THROMBOPHLEBITIS | 2026-12-24
            antibiotics while pregnant: no date            | lastAntibioticsOn=2026-11-20, pregnant=true | DEFER      | PREGNANCY RECENT_ANTIBIOTICS     | null
            disulfiram with an STS allergy                 | medications=DISULFIRAM, sclerosantAllergies=SODIUM_TETRADECYL_SULFATE | NOT_SUITABLE | SCLEROSANT_ALLERGY NO_SUITABLE_AGENT DISULFIRAM | null
            disulfiram with a polidocanol allergy          | medications=DISULFIRAM, sclerosantAllergies=POLIDOCANOL | CAUTION | SCLEROSANT_ALLERGY DISULFIRAM | 2026-11-22
            caution beside a deferral                      | medications=TAMOXIFEN, lastAntibioticsOn=2026-11-20 | DEFER | RECENT_ANTIBIOTICS TAMOXIFEN  | 2026-12-04
            everything not suitable and more               | acuteDvtOrPe=true, visibleVaricoseVeins=true, pregnant=true | NOT_SUITABLE | ACUTE_DVT_OR_PE VISIBLE_VARICOSE_VEINS PREGNANCY | null
            """)
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

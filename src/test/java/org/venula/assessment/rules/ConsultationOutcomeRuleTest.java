package org.venula.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.venula.assessment.rules.ConsultationOutcomeRule.Facts;
import org.venula.assessment.rules.ConsultationOutcomeRule.Reason;
import org.venula.assessment.rules.LegMapTerms.ClinicalClass;
import org.venula.patient.DuplexResult;

class ConsultationOutcomeRuleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # situation                                 | above heart | reflux             | varicose | CEAP L | CEAP R | screening not suitable | outcome                | reasons
            thread veins only, no scan                  | false | null               | false | C1  | C1  | false | PROCEED                | NO_UNDERLYING_DISEASE
            thread veins, Doppler shows no reflux        | false | NO_REFLUX          | false | C1  | C0  | false | PROCEED                | NO_UNDERLYING_DISEASE
            superficial reflux                          | false | SUPERFICIAL_REFLUX | false | C1  | C1  | false | TREAT_UNDERLYING_FIRST | SUPERFICIAL_REFLUX
            deep reflux                                 | false | DEEP_REFLUX        | false | C1  | C1  | false | TREAT_UNDERLYING_FIRST | DEEP_REFLUX
            varicose veins seen standing                | false | null               | true  | C1  | C1  | false | TREAT_UNDERLYING_FIRST | VISIBLE_VARICOSE_VEINS
            CEAP C2 on the left                         | false | null               | false | C2  | C1  | false | TREAT_UNDERLYING_FIRST | CEAP_LEFT_C2
            recurrent varicose veins on the right       | false | null               | false | C1  | C2r | false | TREAT_UNDERLYING_FIRST | CEAP_RIGHT_C2r
            corona phlebectatica (C4c)                  | false | NO_REFLUX          | false | C4c | C1  | false | TREAT_UNDERLYING_FIRST | CEAP_LEFT_C4c
            facial veins                                | true  | null               | false | C0  | C0  | false | REFER_ELSEWHERE        | AREA_ABOVE_HEART
            facial veins and reflux: refer elsewhere    | true  | SUPERFICIAL_REFLUX | false | C1  | C1  | false | REFER_ELSEWHERE        | AREA_ABOVE_HEART SUPERFICIAL_REFLUX
            screening found not suitable                | false | SUPERFICIAL_REFLUX | true  | C1  | C1  | true  | NOT_SUITABLE           | SCREENING_NOT_SUITABLE SUPERFICIAL_REFLUX VISIBLE_VARICOSE_VEINS
            """)
    void derivesTheOutcomeWithEveryReason(String situation, boolean aboveHeart, DuplexResult reflux, boolean varicose,
            ClinicalClass left, ClinicalClass right, boolean notSuitable, ConsultationOutcome outcome, String reasons) {
        var derived = ConsultationOutcomeRule.derive(new Facts(aboveHeart, reflux, varicose, left, right, notSuitable));
        assertThat(derived.outcome()).as(situation).isEqualTo(outcome);
        assertThat(derived.reasons()).extracting(Reason::code).as(situation).containsExactly(reasons.split(" "));
    }

    @ParameterizedTest(name = "reflux {0}, varicose {1}, CEAP {2}: never PROCEED")
    @CsvSource(textBlock = """
            SUPERFICIAL_REFLUX, false, C1
            DEEP_REFLUX,        false, C1
            NO_REFLUX,          true,  C1
            NOT_DONE,           true,  C0
            NO_REFLUX,          false, C3
            """)
    void refluxOrVaricoseVeinsNeverYieldProceed(DuplexResult reflux, boolean varicose, ClinicalClass ceap) {
        for (boolean aboveHeart : new boolean[] {false, true}) {
            for (boolean notSuitable : new boolean[] {false, true}) {
                assertThat(ConsultationOutcomeRule.derive(new Facts(aboveHeart, reflux == DuplexResult.NOT_DONE ? null
                        : reflux, varicose, ceap, ClinicalClass.C1, notSuitable)).outcome())
                        .isNotEqualTo(ConsultationOutcome.PROCEED);
            }
        }
    }
}

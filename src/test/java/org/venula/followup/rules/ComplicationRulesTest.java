package org.venula.followup.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.venula.followup.rules.ComplicationRules.Severity;
import org.venula.followup.rules.ComplicationRules.Type;

/** The grade a check-in's proposal starts at, and when a lower grade needs the clinician's reason. */
class ComplicationRulesTest {

    @ParameterizedTest(name = "{0} triaged {1}: proposed {2}")
    @CsvSource(textBlock = """
            DVT,                          URGENT,         SERIOUS
            DVT,                          EXPECTED,       SERIOUS
            PULMONARY_EMBOLISM,           EMERGENCY,      SERIOUS
            SKIN_ULCERATION_OR_NECROSIS,  CONTACT_CLINIC, SERIOUS
            VISUAL_DISTURBANCE,           EMERGENCY,      SERIOUS
            INFECTION,                    URGENT,         SEVERE
            SUPERFICIAL_THROMBOPHLEBITIS, CONTACT_CLINIC, MODERATE
            TRAPPED_BLOOD,                EXPECTED,       MILD
            HYPERPIGMENTATION,            ,               MILD
            """)
    void aProposalCarriesTheSeverityItsTriageImplies(Type type, String level, Severity proposed) {
        assertThat(ComplicationRules.proposedSeverity(type, level)).isEqualTo(proposed);
    }

    @ParameterizedTest(name = "proposed {0}, confirmed {1}: reason needed {2}")
    @CsvSource(textBlock = """
            SERIOUS,  MILD,     true
            SERIOUS,  SEVERE,   true
            SERIOUS,  SERIOUS,  false
            MODERATE, SEVERE,   false
            MILD,     MILD,     false
            """)
    void aLowerGradeThanProposedNeedsAReason(Severity proposed, Severity confirmed, boolean needed) {
        assertThat(ComplicationRules.lowerGradeNeedsReason(proposed, confirmed)).isEqualTo(needed);
    }

    @ParameterizedTest(name = "{0} graded {1}: serious {2}")
    @CsvSource(textBlock = """
            DVT,        MILD,     true
            MATTING,    SERIOUS,  true
            MATTING,    SEVERE,   false
            """)
    void seriousIsAClotNecrosisOrAnythingGradedSerious(Type type, Severity severity, boolean serious) {
        assertThat(ComplicationRules.serious(type, severity)).isEqualTo(serious);
    }
}

package org.venula.followup.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.venula.followup.rules.ComplicationRules.Severity;
import org.venula.followup.rules.ComplicationRules.Type;

/** The grade a check-in's proposal starts at, and when a lower grade needs the clinician's reason. */
class ComplicationRulesTest {

    @ParameterizedTest(name = "{0} triaged {1}: proposed {2}")
    @CsvSource(nullValues = "-", textBlock = """
            DVT,                          URGENT,         SERIOUS
            DVT,                          EXPECTED,       SERIOUS
            PULMONARY_EMBOLISM,           EMERGENCY,      SERIOUS
            SKIN_ULCERATION_OR_NECROSIS,  CONTACT_CLINIC, SERIOUS
            VISUAL_DISTURBANCE,           EMERGENCY,      SERIOUS
            INFECTION,                    URGENT,         SEVERE
            SUPERFICIAL_THROMBOPHLEBITIS, CONTACT_CLINIC, MODERATE
            TRAPPED_BLOOD,                EXPECTED,       MILD
            HYPERPIGMENTATION,            ,               MILD
            MATTING,                      EMERGENCY,      SERIOUS
            MATTING,                      URGENT,         SEVERE
            MATTING,                      CONTACT_CLINIC, MODERATE
            MATTING,                      EXPECTED,       MILD
            MATTING,                      -,              MILD
            ALLERGIC_REACTION,            SOMETHING_ELSE, MILD
            PULMONARY_EMBOLISM,           -,              SERIOUS
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
            DVT,                          MILD,     true
            PULMONARY_EMBOLISM,           MILD,     true
            SKIN_ULCERATION_OR_NECROSIS,  MODERATE, true
            DVT,                          SERIOUS,  true
            MATTING,                      SERIOUS,  true
            ALLERGIC_REACTION,            SERIOUS,  true
            MATTING,                      SEVERE,   false
            ALLERGIC_REACTION,            SEVERE,   false
            VISUAL_DISTURBANCE,           MODERATE, false
            HYPERPIGMENTATION,            MILD,     false
            """)
    void seriousIsAClotNecrosisOrAnythingGradedSerious(Type type, Severity severity, boolean serious) {
        assertThat(ComplicationRules.serious(type, severity)).isEqualTo(serious);
    }
    @ParameterizedTest(name = "check-in symptom {0} suggests {1}")
    @CsvSource(nullValues = "-", textBlock = """
            BREATHLESSNESS,                 PULMONARY_EMBOLISM
            CHEST_PAIN,                     PULMONARY_EMBOLISM
            COUGHING_BLOOD,                 PULMONARY_EMBOLISM
            CALF_SWELLING_OR_PAIN,          DVT
            VISUAL_OR_NEUROLOGICAL_OVER_1H, VISUAL_DISTURBANCE
            SEVERE_HEADACHE,                MIGRAINE
            SPREADING_REDNESS,              INFECTION
            PUS,                            INFECTION
            FEVER,                          INFECTION
            BLISTERING_OR_SKIN_BREAKDOWN,   BLISTERING
            RED_PATCH_DARK_CENTRE,          SKIN_ULCERATION_OR_NECROSIS
            HOT_TENDER_CORD,                SUPERFICIAL_THROMBOPHLEBITIS
            TENDER_LUMP,                    TRAPPED_BLOOD
            BROWN_STAINING,                 HYPERPIGMENTATION
            MATTING,                        MATTING
            BRUISING,                       -
            ANKLE_SWELLING,                 -
            """)
    void aCheckInSymptomSuggestsTheComplicationToConfirm(String symptom, Type suggested) {
        assertThat(ComplicationRules.suggestedBy(symptom)).isEqualTo(suggested);
    }
}

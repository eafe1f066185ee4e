package org.venula.aftercare.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.venula.protocol.ProtocolDocument.TriageSettings;
import org.venula.protocol.Symptom;
import org.venula.protocol.TriageLevel;
import org.venula.support.Presets;

/** Every triage rule of the standard protocol: each symptom alone, on day 0 and day 60, and together. */
class TriageTest {

    private static final TriageSettings STANDARD = Presets.get("standard").aftercare().triage();

    private static Triage.Result triage(int days, String symptoms) {
        List<Symptom> list = symptoms.isBlank() ? List.of()
                : Arrays.stream(symptoms.split("\\+")).map(Symptom::valueOf).toList();
        return Triage.triage(STANDARD, days, list, "999");
    }

    @ParameterizedTest(name = "{0} on day {1}: {2}")
    @CsvSource(textBlock = """
            BREATHLESSNESS,                 0,  EMERGENCY
            BREATHLESSNESS,                 60, EMERGENCY
            CHEST_PAIN,                     3,  EMERGENCY
            COUGHING_BLOOD,                 30, EMERGENCY
            CALF_SWELLING_OR_PAIN,          0,  URGENT
            CALF_SWELLING_OR_PAIN,          60, URGENT
            VISUAL_OR_NEUROLOGICAL_OVER_1H, 1,  URGENT
            SEVERE_HEADACHE,                1,  URGENT
            SPREADING_REDNESS,              4,  CONTACT_CLINIC
            PUS,                            4,  CONTACT_CLINIC
            FEVER,                          2,  CONTACT_CLINIC
            BLISTERING_OR_SKIN_BREAKDOWN,   5,  CONTACT_CLINIC
            RED_PATCH_DARK_CENTRE,          0,  CONTACT_CLINIC
            RED_PATCH_DARK_CENTRE,          18, CONTACT_CLINIC
            HOT_TENDER_CORD,                10, CONTACT_CLINIC
            BRUISING,                       2,  EXPECTED
            ITCHING,                        2,  EXPECTED
            TENDERNESS,                     1,  EXPECTED
            TENDER_LUMP,                    21, EXPECTED
            BROWN_STAINING,                 40, EXPECTED
            MATTING,                        30, EXPECTED
            ANKLE_SWELLING,                 0,  EXPECTED
            ANKLE_SWELLING,                 3,  EXPECTED
            ANKLE_SWELLING,                 4,  CONTACT_CLINIC
            """)
    void eachSymptom(String symptom, int days, TriageLevel expected) {
        Triage.Result r = triage(days, symptom);
        assertThat(r.level()).isEqualTo(expected);
        assertThat(r.matched()).containsExactly(Symptom.valueOf(symptom));
    }

    @ParameterizedTest(name = "{1} on day {0}: {2}")
    @CsvSource(textBlock = """
            3, BRUISING+ITCHING,                          EXPECTED
            3, BRUISING+CALF_SWELLING_OR_PAIN,            URGENT
            3, PUS+CHEST_PAIN+BRUISING,                   EMERGENCY
            5, ANKLE_SWELLING+TENDERNESS,                 CONTACT_CLINIC
            2, FEVER+SEVERE_HEADACHE,                     URGENT
            """)
    void theMostUrgentWins(int days, String symptoms, TriageLevel expected) {
        assertThat(triage(days, symptoms).level()).isEqualTo(expected);
    }

    @Test
    void noSymptomsIsExpected() {
        Triage.Result r = triage(3, "");
        assertThat(r.level()).isEqualTo(TriageLevel.EXPECTED);
        assertThat(r.matched()).isEmpty();
    }

    @Test
    void anEmergencyNamesTheNumberToCallFirst() {
        assertThat(triage(3, "CHEST_PAIN").advice()).startsWith("Call 999 now");
        assertThat(Triage.triage(STANDARD, 3, List.of(Symptom.CHEST_PAIN), "112").advice()).startsWith("Call 112 now");
    }

    @Test
    void expectedSymptomsGetTheirReassurance() {
        Triage.Result r = triage(21, "TENDER_LUMP");
        assertThat(r.advice()).contains("trapped blood", "review");
    }

    @ParameterizedTest
    @EnumSource(Symptom.class)
    void aProtocolCannotLowerASymptomBelowItsFloor(Symptom s) {
        java.util.Map<String, String> levels = new java.util.HashMap<>(STANDARD.levels());
        levels.put(s.name(), "EXPECTED");
        TriageSettings lowered = new TriageSettings(levels, STANDARD.symptomText(), STANDARD.advice(),
                STANDARD.reassurance(), null, STANDARD.source());
        assertThat(Triage.triage(lowered, 90, List.of(s), "999").level()).isEqualTo(s.floor());
    }

    @Test
    void redFlagsLeaveOutTheExpectedAndPutTheMostUrgentFirst() {
        List<Triage.Finding> flags = Triage.redFlags(STANDARD);
        assertThat(flags).isNotEmpty().noneMatch(f -> f.level() == TriageLevel.EXPECTED);
        assertThat(flags.get(0).level()).isEqualTo(TriageLevel.EMERGENCY);
        for (int i = 1; i < flags.size(); i++) {
            assertThat(flags.get(i).level().moreUrgentThan(flags.get(i - 1).level())).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Symptom.class)
    void aRedFlagIsNeverBelowItsSymptomsFloor(Symptom s) {
        java.util.Map<String, String> levels = new java.util.HashMap<>(STANDARD.levels());
        levels.put(s.name(), "EXPECTED");
        TriageSettings lowered = new TriageSettings(levels, STANDARD.symptomText(), STANDARD.advice(),
                STANDARD.reassurance(), null, STANDARD.source());
        List<Triage.Finding> flagged = Triage.redFlags(lowered).stream().filter(f -> f.symptom() == s).toList();
        if (s.floor() == TriageLevel.EXPECTED) {
            assertThat(flagged).isEmpty();
        } else {
            assertThat(flagged).singleElement().satisfies(f -> assertThat(f.level()).isEqualTo(s.floor()));
        }
    }
}

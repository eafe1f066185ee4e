package org.venula.patient.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.venula.patient.DuplexResult;
import org.venula.patient.MedicalHistory;
import org.venula.patient.PatientDraft;
import org.venula.patient.Sex;
import org.venula.shared.FieldProblem;

class PatientRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @ParameterizedTest(name = "born {0}: {1}")
    @CsvSource(nullValues = "null", textBlock = """
            2026-11-22, null
            2026-11-21, null
            2026-11-23, must not be in the future
            1900-01-01, null
            1899-12-31, must be on or after 1900-01-01
            """)
    void dateOfBirthIsNeitherFutureNorImplausible(LocalDate born, String problem) {
        List<FieldProblem> problems = PatientRules.checkDemographics(draft(born, null), TODAY);
        if (problem == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).containsExactly(new FieldProblem("dateOfBirth", problem));
        }
    }

    @ParameterizedTest(name = "NHS {0}: {1}")
    @CsvSource(nullValues = "null", textBlock = """
            9434765919, null
            '',         null
            9434765918, is not a valid NHS number (the check digit does not match)
            12345,      must be 10 digits
            """)
    void nhsNumberIsOptionalButChecked(String nhs, String problem) {
        List<FieldProblem> problems = PatientRules.checkDemographics(draft(LocalDate.of(1980, 1, 1), nhs), TODAY);
        if (problem == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).containsExactly(new FieldProblem("nhsNumber", problem));
        }
    }

    @ParameterizedTest(name = "antibiotics on {0}: {1}")
    @CsvSource(nullValues = "null", textBlock = """
            2026-11-22, null
            2026-11-15, null
            2026-11-23, must not be in the future
            1979-12-31, must not be before the patient's date of birth
            """)
    void pastEventsLieBetweenBirthAndToday(LocalDate antibiotics, String problem) {
        MedicalHistory h = new MedicalHistory(false, false, false, antibiotics, false, DuplexResult.NOT_DONE, false,
                false, false, false, false, null, true, null, null, null, null, false, false, false, false, null, null);
        List<FieldProblem> problems = PatientRules.checkHistory(h, TODAY, LocalDate.of(1980, 1, 1));
        if (problem == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).containsExactly(new FieldProblem("lastAntibioticsOn", problem));
        }
    }

    @Test
    void aPlannedFlightMayBeInTheFutureAndEveryOtherEventIsChecked() {
        MedicalHistory h = new MedicalHistory(null, null, null, null, null, null, null, null, null, null, null,
                TODAY.plusDays(1), null, TODAY.plusDays(2), TODAY.plusDays(3), null, null, null, null, null, null, null,
                TODAY.plusDays(30));
        assertThat(PatientRules.checkHistory(h, TODAY, null)).extracting(FieldProblem::field)
                .containsExactly("lastThrombophlebitisOn", "lastHeartProblemOn", "lastLegSurgeryOn");
    }

    @Test
    void anUnansweredQuestionIsCountedAsUnansweredNotAsNo() {
        assertThat(MedicalHistory.unanswered().unansweredCount()).isEqualTo(14);
        assertThat(MedicalHistory.unanswered().duplex()).isEqualTo(DuplexResult.NOT_DONE);
    }

    private static PatientDraft draft(LocalDate born, String nhs) {
        return new PatientDraft("Ann", "Lee", born, Sex.FEMALE, null, null, null, nhs, null, null, null, null, null);
    }
}

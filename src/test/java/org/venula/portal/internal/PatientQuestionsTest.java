package org.venula.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.LinkedMultiValueMap;
import org.venula.patient.MedicalHistory;

/**
 * The self-check never reassures by mistake: "not sure" stands for the answer that needs more care, and a yes/no
 * question left empty is asked again, never read as "no". The questionnaire keeps "not sure" as unanswered.
 */
class PatientQuestionsTest {

    private static final List<String> YES_NO = List.of("pregnant", "breastfeeding", "currentInfection",
            "visibleVaricoseVeins", "acuteDvtOrPe", "previousDvtOrPe", "thrombophilia", "activeCancer",
            "venousSkinChanges", "migraineWithAura", "knownRightToLeftShunt", "peripheralArterialDisease",
            "poorlyControlledDiabetes");

    private static LinkedMultiValueMap<String, String> allAnsweredNo() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        YES_NO.forEach(q -> form.add(q, "false"));
        form.add("ableToWalk", "true");
        return form;
    }

    @ParameterizedTest(name = "self-check: {0}={1} reads as {2}")
    @CsvSource(textBlock = """
            thrombophilia,        unsure, true
            pregnant,             unsure, true
            acuteDvtOrPe,         unsure, true
            ableToWalk,           unsure, false
            ableToWalk,           false,  false
            thrombophilia,        false,  false
            fitzpatrickSkinType,  unsure, 4
            fitzpatrickSkinType,  2,      2
            """)
    void notSureCountsAsTheAnswerThatNeedsMoreCare(String field, String answer, String readAs) {
        LinkedMultiValueMap<String, String> form = allAnsweredNo();
        form.set(field, answer);
        PatientQuestions.SelfCheckForm read = PatientQuestions.readSelfCheck(form);
        assertThat(read.problems()).isEmpty();
        assertThat(String.valueOf(value(read.history(), field))).isEqualTo(readAs);
        assertThat(read.unsure().contains(field)).isEqualTo(answer.equals("unsure"));
    }

    @ParameterizedTest(name = "self-check: {0} left empty is asked again")
    @CsvSource({"pregnant", "ableToWalk", "thrombophilia"})
    void aYesNoQuestionLeftEmptyIsAProblemNeverANo(String field) {
        LinkedMultiValueMap<String, String> form = allAnsweredNo();
        form.remove(field);
        assertThat(PatientQuestions.readSelfCheck(form).problems()).containsOnlyKeys(field);
    }

    @ParameterizedTest(name = "questionnaire: {0}=unsure is sent unanswered and named")
    @CsvSource({"pregnant", "ableToWalk", "fitzpatrickSkinType"})
    void theQuestionnaireSendsNotSureAsUnansweredAndSaysSo(String field) {
        LinkedMultiValueMap<String, String> form = allAnsweredNo();
        form.set(field, "unsure");
        PatientQuestions.QuestionnaireForm read = PatientQuestions.readQuestionnaire(form, true);
        assertThat(read.problems()).isEmpty();
        assertThat(value(read.history(), field)).isNull();
        assertThat(read.unsure()).containsExactly(field);
    }

    @ParameterizedTest(name = "questionnaire: {0} left empty is a problem only when sending ({1})")
    @CsvSource({"true, 1", "false, 0"})
    void anEmptyAnswerStopsSendingButNotSaving(boolean sending, int problems) {
        LinkedMultiValueMap<String, String> form = allAnsweredNo();
        form.remove("pregnant");
        assertThat(PatientQuestions.readQuestionnaire(form, sending).problems()).hasSize(problems);
    }

    private static Object value(MedicalHistory h, String field) {
        return switch (field) {
            case "thrombophilia" -> h.thrombophilia();
            case "pregnant" -> h.pregnant();
            case "acuteDvtOrPe" -> h.acuteDvtOrPe();
            case "ableToWalk" -> h.ableToWalk();
            case "fitzpatrickSkinType" -> h.fitzpatrickSkinType();
            default -> throw new IllegalArgumentException(field);
        };
    }
}

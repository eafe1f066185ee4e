package org.venula.portal.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;
import org.venula.patient.DuplexResult;
import org.venula.patient.MedicalHistory;
import org.venula.patient.Medication;
import org.venula.patient.Sclerosant;
import org.venula.shared.web.FormValues;

/**
 * The medical-history questions in a patient's words, in the order of the staff form, for the portal's pages. The
 * duplex scan is left out: it is a clinician's finding, never the patient's. A yes/no question may be answered "not
 * sure"; the self-check then assumes the answer that needs more care, so that it never reassures by mistake.
 */
final class PatientQuestions {

    enum Kind { YES_NO, DATE, MEDICATIONS, ALLERGIES, SKIN_TYPE }

    /** One question: the field of the history, its wording, a hint, and (yes/no) the answer "not sure" stands for. */
    record Question(String field, String text, String hint, Kind kind, boolean unsureMeans) {
    }

    record Choice(String value, String text) {
    }

    static final String NOT_SURE = "unsure";

    static final List<Question> ALL = List.of(
            yes("pregnant", "Are you pregnant, or could you be?", null),
            yes("breastfeeding", "Are you breastfeeding?", null),
            yes("currentInfection", "Do you have an infection at the moment?",
                    "Including an infection of the skin on your legs."),
            date("lastAntibioticsOn", "If you have taken antibiotics in the last month, when was the last dose?"),
            yes("visibleVaricoseVeins", "When you stand, do you have bulging veins on your legs?",
                    "Raised, rope-like veins about the width of a pencil or wider, not just fine red or blue lines."),
            yes("acuteDvtOrPe", "Do you have a blood clot in a leg (DVT) or in your lungs (PE) at the moment?",
                    "Or are you being treated for one now."),
            yes("previousDvtOrPe", "Have you ever had a blood clot in a leg or in your lungs?", null),
            yes("thrombophilia", "Have you been told your blood clots more easily than usual?",
                    "For example factor V Leiden or another inherited clotting condition."),
            yes("activeCancer", "Do you have cancer at the moment?", "Including cancer that is being treated."),
            yes("venousSkinChanges", "Is the skin of your lower legs darkened, scaly or itchy, or do you have a leg "
                    + "ulcer?", null),
            date("lastThrombophlebitisOn", "If you have had a painful, red, hard vein (phlebitis), when was it?"),
            new Question("ableToWalk", "Can you walk about every day?", "Walking straight after treatment is part of "
                    + "the aftercare.", Kind.YES_NO, false),
            date("lastHeartProblemOn", "If you have had a heart attack or another serious heart problem, when was it?"),
            date("lastLegSurgeryOn", "If you have had an operation or procedure on your legs, when was the last?"),
            new Question("medications", "Do you take any of these medicines?", "Tick any that apply.",
                    Kind.MEDICATIONS, true),
            new Question("sclerosantAllergies", "Have you had an allergic reaction to either of these vein injections?",
                    "Tick any that apply.", Kind.ALLERGIES, true),
            yes("migraineWithAura", "Do you get migraines with a warning sign first, such as flashing lights (aura)?",
                    null),
            yes("knownRightToLeftShunt", "Have you been told you have a hole in the heart (such as a PFO) that causes "
                    + "symptoms?", null),
            yes("peripheralArterialDisease", "Have you been told the arteries in your legs are narrowed (poor "
                    + "circulation)?", null),
            yes("poorlyControlledDiabetes", "Do you have diabetes that is not well controlled?", null),
            new Question("fitzpatrickSkinType", "How does your skin react to the sun?", "Darker skin is more likely to "
                    + "stain brown after treatment, so the clinician will talk this through. Leave it if you would "
                    + "rather the clinician asked.", Kind.SKIN_TYPE, true),
            date("plannedLongHaulFlightOn", "If you have a long-haul flight booked, what date do you fly?"));

    static final List<Choice> MEDICINES = List.of(
            new Choice(Medication.TAMOXIFEN.name(), "Tamoxifen (used for breast cancer)"),
            new Choice(Medication.DISULFIRAM.name(), "Disulfiram (Antabuse, used for alcohol dependence)"),
            new Choice(Medication.ANTICOAGULANT.name(), "A blood thinner such as warfarin, apixaban or rivaroxaban"));

    static final List<Choice> INJECTIONS = List.of(
            new Choice(Sclerosant.POLIDOCANOL.name(), "Polidocanol (Aethoxysklerol, Asclera)"),
            new Choice(Sclerosant.SODIUM_TETRADECYL_SULFATE.name(), "Sodium tetradecyl sulfate (Fibro-Vein)"));

    static final List<Choice> SKIN_TYPES = List.of(
            new Choice("1", "Always burns, never tans"),
            new Choice("2", "Usually burns, tans a little"),
            new Choice("3", "Sometimes burns, tans slowly"),
            new Choice("4", "Rarely burns, tans easily"),
            new Choice("5", "Very rarely burns, tans very easily"),
            new Choice("6", "Never burns"));

    private PatientQuestions() {
    }

    private static Question yes(String field, String text, String hint) {
        return new Question(field, text, hint, Kind.YES_NO, true);
    }

    private static Question date(String field, String text) {
        return new Question(field, text, "Leave it empty if this has not happened.", Kind.DATE, true);
    }

    /** A form read for the self-check: the history, which questions were "not sure", and what could not be read. */
    record SelfCheckForm(MedicalHistory history, List<String> unsure, Map<String, String> problems) {
    }

    /** The questionnaire as read from its form: the answers, the questions "not sure", and what could not be read. */
    record QuestionnaireForm(MedicalHistory history, List<String> unsure, Map<String, String> problems) {
    }

    /**
     * Reads the questionnaire form. "Not sure" leaves the question unanswered and names it in {@code unsure}; a
     * question left empty is a problem only when the answers are sent ({@code sending}), never when saved for later.
     */
    static QuestionnaireForm readQuestionnaire(MultiValueMap<String, String> form, boolean sending) {
        List<String> unsure = new ArrayList<>();
        Map<String, String> problems = new LinkedHashMap<>();
        FormValues f = new FormValues(form);
        Map<String, Boolean> answers = new LinkedHashMap<>();
        for (Question q : ALL) {
            if (q.kind() != Kind.YES_NO) {
                continue;
            }
            String v = f.text(q.field());
            if (NOT_SURE.equals(v)) {
                unsure.add(q.field());
            } else if (v == null) {
                if (sending) {
                    problems.put(q.field(), "Choose yes, no or not sure");
                }
            } else {
                answers.put(q.field(), f.bool(q.field()));
            }
        }
        Integer skin = null;
        if (NOT_SURE.equals(f.text("fitzpatrickSkinType"))) {
            unsure.add("fitzpatrickSkinType");
        } else {
            skin = f.integer("fitzpatrickSkinType");
        }
        MedicalHistory h = history(answers, skin, f);
        f.errors().forEach(problems::putIfAbsent);
        return new QuestionnaireForm(h, unsure, problems);
    }

    /** The history from the yes/no answers as read, the skin type, and the rest of the form (duplex: never asked). */
    private static MedicalHistory history(Map<String, Boolean> answers, Integer skin, FormValues f) {
        return new MedicalHistory(answers.get("pregnant"), answers.get("breastfeeding"),
                answers.get("currentInfection"), f.date("lastAntibioticsOn"), answers.get("visibleVaricoseVeins"),
                DuplexResult.NOT_DONE, answers.get("acuteDvtOrPe"), answers.get("previousDvtOrPe"),
                answers.get("thrombophilia"), answers.get("activeCancer"), answers.get("venousSkinChanges"),
                f.date("lastThrombophlebitisOn"), answers.get("ableToWalk"), f.date("lastHeartProblemOn"),
                f.date("lastLegSurgeryOn"), f.enumList("medications", Medication.class),
                f.enumList("sclerosantAllergies", Sclerosant.class), answers.get("migraineWithAura"),
                answers.get("knownRightToLeftShunt"), answers.get("peripheralArterialDisease"),
                answers.get("poorlyControlledDiabetes"), skin, f.date("plannedLongHaulFlightOn"));
    }

    /** What the questions fragment (portal/questions) needs beside the answers: the questions and their choices. */
    static void addTo(org.springframework.ui.Model model) {
        model.addAttribute("questions", ALL);
        model.addAttribute("medicines", MEDICINES);
        model.addAttribute("injections", INJECTIONS);
        model.addAttribute("skinTypes", SKIN_TYPES);
    }

    /** Saved answers as form values, "not sure" shown as chosen, to fill the form in again. */
    static MultiValueMap<String, String> formValues(MedicalHistory h, List<String> unsure) {
        MultiValueMap<String, String> v = org.venula.patient.HistoryQuestions.formValues(h);
        unsure.forEach(field -> v.put(field, List.of(NOT_SURE)));
        return v;
    }

    /**
     * Reads the self-check form. A yes/no question left empty is a problem to show beside it; "not sure" becomes
     * the answer that needs more care ({@link Question#unsureMeans}).
     */
    static SelfCheckForm readSelfCheck(MultiValueMap<String, String> form) {
        List<String> unsure = new ArrayList<>();
        Map<String, String> problems = new LinkedHashMap<>();
        FormValues f = new FormValues(form);
        Map<String, Boolean> answers = new LinkedHashMap<>();
        for (Question q : ALL) {
            if (q.kind() != Kind.YES_NO) {
                continue;
            }
            String v = f.text(q.field());
            if (NOT_SURE.equals(v)) {
                unsure.add(q.field());
                answers.put(q.field(), q.unsureMeans());
            } else if (v == null) {
                problems.put(q.field(), "Choose yes, no or not sure");
            } else {
                answers.put(q.field(), f.bool(q.field()));
            }
        }
        Integer skin;
        if (NOT_SURE.equals(f.text("fitzpatrickSkinType"))) {
            // not sure how their skin reacts: counted as the first type that stains more easily
            unsure.add("fitzpatrickSkinType");
            skin = 4;
        } else {
            skin = f.integer("fitzpatrickSkinType");
        }
        MedicalHistory h = history(answers, skin, f);
        f.errors().forEach(problems::putIfAbsent);
        return new SelfCheckForm(h, unsure, problems);
    }
}

package org.venula.screening.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.DuplexResult;
import org.venula.patient.HistoryQuestions;
import org.venula.patient.HistoryVersion;
import org.venula.patient.MedicalHistory;
import org.venula.patient.Medication;
import org.venula.patient.MedicalHistories;
import org.venula.patient.Patients;
import org.venula.patient.Sclerosant;
import org.venula.protocol.Protocols;
import org.venula.screening.ScreenPatient;
import org.venula.screening.Screenings;
import org.venula.screening.StoredScreening;
import org.venula.screening.rules.Area;
import org.venula.screening.rules.ScreeningEngine;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.Labels;
import org.venula.shared.web.Form;
import org.venula.shared.web.FormValues;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The screening page of a patient's chart: the questionnaire pre-filled from the history, the result with each
 * finding in clinician and patient wording, the sign-off of a caution, and the earlier screenings.
 */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ScreeningPage {

    private final Screenings screenings;
    private final Patients patients;
    private final MedicalHistories histories;
    private final Protocols protocols;

    @GetMapping("/patients/{id}/screening")
    String page(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, Model model) {
        HistoryVersion current = histories.current(me, id);
        Map<String, String> problems = new LinkedHashMap<>();
        MultiValueMap<String, String> values = HistoryQuestions.formValues(current.history());
        values.set("asOf", patients.today(me).toString());
        values.set("area", Area.LEGS.name());
        values.set("basedOnVersion", Integer.toString(current.version()));
        return render(me, id, model, values, problems);
    }

    /**
     * The questionnaire's names come from {@link HistoryQuestions} (one or more per question), and the page shows every
     * value it cannot read beside its question, with what was ticked, so it stays read with {@link FormValues}.
     */
    @PostMapping("/patients/{id}/screening")
    String screen(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        FormValues values = new FormValues(form);
        MedicalHistory history = HistoryQuestions.read(values);
        LocalDate asOf = values.date("asOf");
        Area area = values.enumValue("area", Area.class);
        Integer basedOn = values.integer("basedOnVersion");
        Map<String, String> problems = new LinkedHashMap<>(values.errors());
        if (asOf == null) {
            problems.putIfAbsent("asOf", "choose the date treatment would happen");
        } else {
            put(problems, ScreeningEngine.problems(history, asOf, ""));
        }
        if (area == null) {
            problems.putIfAbsent("area", "choose where the veins are");
        }
        put(problems, histories.problemsWith(me, id, history));
        if (problems.isEmpty()) {
            try {
                HistoryVersion current = histories.current(me, id);
                if (!history.equals(current.history())) {
                    histories.record(me, id, history, basedOn, "Updated at screening");
                }
                StoredScreening s = screenings.screen(me, id, new ScreenPatient(asOf, area));
                redirect.addFlashAttribute("notice", "Screened: " + Labels.sentence(s.outcome().name()) + ".");
                return "redirect:/patients/" + id + "/screening#result";
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> problems.putIfAbsent(p.field().replace("history.", ""), p.message()));
            } catch (ConflictException e) {
                problems.put("form", e.getMessage());
            }
        }
        return render(me, id, model, form, problems);
    }

    /** Why treatment may go ahead despite the caution. */
    record SignOffCautionForm(String note) {
    }

    @PostMapping("/patients/{id}/screening/{screeningId}/sign-off")
    String signOff(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, @PathVariable long screeningId,
            @Form SignOffCautionForm form, RedirectAttributes redirect) {
        try {
            screenings.signOff(me, id, screeningId, form.note());
            redirect.addFlashAttribute("notice", "Caution signed off: this screening now clears treatment.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("signOffError", "Write a note saying why treatment may go ahead.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("signOffError", e.getMessage());
        }
        return "redirect:/patients/" + id + "/screening#result";
    }

    /** The chart's screening panel, loaded by htmx, so the patient capability needs no link to this one. */
    @GetMapping("/patients/{id}/screening/summary")
    String summary(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, Model model) {
        model.addAttribute("patientId", id);
        model.addAttribute("latest", me.seesClinicalRecord()
                ? screenings.forPatient(me, id).stream().findFirst().orElse(null) : null);
        return "screening/summary :: panel";
    }

    private String render(VenulaPrincipal me, long id, Model model, MultiValueMap<String, String> values,
            Map<String, String> problems) {
        List<StoredScreening> all = screenings.forPatient(me, id);
        model.addAttribute("patient", patients.get(me, id));
        model.addAttribute("questions", HistoryQuestions.ALL);
        model.addAttribute("v", values);
        model.addAttribute("problems", problems);
        model.addAttribute("duplexResults", DuplexResult.values());
        model.addAttribute("medications", Medication.values());
        model.addAttribute("sclerosants", Sclerosant.values());
        model.addAttribute("areas", Area.values());
        model.addAttribute("latest", all.isEmpty() ? null : all.get(0));
        model.addAttribute("screenings", all);
        model.addAttribute("protocol", protocols.active(me.clinicId()));
        return "screening/page";
    }

    private static void put(Map<String, String> problems, List<FieldProblem> found) {
        found.forEach(p -> problems.putIfAbsent(p.field(), p.message()));
    }
}

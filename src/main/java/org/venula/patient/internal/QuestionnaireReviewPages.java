package org.venula.patient.internal;

import java.util.LinkedHashMap;
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
import org.venula.patient.HistoryProposal;
import org.venula.patient.HistoryProposals;
import org.venula.patient.HistoryQuestions;
import org.venula.patient.HistoryVersion;
import org.venula.patient.MedicalHistories;
import org.venula.patient.MedicalHistory;
import org.venula.patient.Medication;
import org.venula.patient.Patients;
import org.venula.patient.Sclerosant;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.web.FormValues;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * A clinician checks the answers a patient sent from the portal: the patient's own answers beside the staff form,
 * filled in from them (and from the record where the patient left a question), to edit and accept as the next
 * version of the medical history.
 */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class QuestionnaireReviewPages {

    private final Patients patients;
    private final MedicalHistories histories;
    private final HistoryProposals proposals;

    @GetMapping("/patients/{id}/history/proposals/{qid}")
    String review(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, @PathVariable long qid,
            Model model) {
        HistoryVersion current = histories.current(me, id);
        return page(me, id, qid, HistoryQuestions.formValues(proposals.merged(me, id, qid)), current.version(),
                Map.of(), model);
    }

    @PostMapping("/patients/{id}/history/proposals/{qid}")
    String accept(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, @PathVariable long qid,
            @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        FormValues values = new FormValues(form);
        MedicalHistory checked = HistoryQuestions.read(values);
        Integer basedOn = values.integer("basedOnVersion");
        Map<String, String> errors = new LinkedHashMap<>(values.errors());
        if (errors.isEmpty()) {
            try {
                HistoryVersion saved = proposals.accept(me, id, qid, checked, basedOn,
                        values.integer("questionnaireVersion"));
                redirect.addFlashAttribute("notice", "The patient's answers are accepted as version "
                        + saved.version() + " of the medical history.");
                return "redirect:/patients/" + id;
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
            } catch (ConflictException e) {
                errors.put("form", e.getMessage());
            }
        }
        return page(me, id, qid, form, basedOn == null ? 0 : basedOn, errors, model);
    }

    private String page(VenulaPrincipal me, long id, long qid, MultiValueMap<String, String> values, int basedOn,
            Map<String, String> errors, Model model) {
        HistoryProposal q = proposals.sent(me, id, qid);
        model.addAttribute("patient", patients.get(me, id));
        model.addAttribute("questionnaire", q);
        // the scan is never the patient's to answer: their column leaves it out rather than show "not done"
        String duplex = HistoryQuestions.ALL.stream().filter(x -> x.kind() == HistoryQuestions.Kind.DUPLEX)
                .findFirst().orElseThrow().label();
        model.addAttribute("patientAnswers", HistoryQuestions.answers(q.answers()).stream()
                .filter(row -> !duplex.equals(row.get("label"))).toList());
        model.addAttribute("unsureLabels", q.unsure().stream().map(f -> HistoryQuestions.ALL.stream()
                .filter(x -> x.field().equals(f)).findFirst().map(HistoryQuestions.Question::label).orElse(f))
                .toList());
        model.addAttribute("differences", proposals.differences(me, id, qid));
        model.addAttribute("questions", HistoryQuestions.ALL);
        model.addAttribute("v", values);
        model.addAttribute("basedOnVersion", basedOn);
        model.addAttribute("problems", errors);
        model.addAttribute("duplexResults", DuplexResult.values());
        model.addAttribute("medications", Medication.values());
        model.addAttribute("sclerosants", Sclerosant.values());
        return "patient/questionnaire-review";
    }
}

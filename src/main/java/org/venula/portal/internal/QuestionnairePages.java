package org.venula.portal.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.clinic.ClinicDetails;
import org.venula.patient.HistoryProposal;
import org.venula.patient.HistoryProposals;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The health questionnaire in the portal: the staff form's questions in the patient's words, saved or sent. */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class QuestionnairePages {

    private final HistoryProposals proposals;
    private final ClinicDetails details;

    @GetMapping("/portal/history")
    String form(@AuthenticationPrincipal PortalPatient me, Model model) {
        Optional<HistoryProposal> latest = proposals.ownLatest(me.clinicId(), me.patientId());
        MultiValueMap<String, String> values = latest.filter(q -> q.status() != HistoryProposal.Status.ACCEPTED)
                .map(q -> PatientQuestions.formValues(q.answers(), q.unsure()))
                .orElseGet(LinkedMultiValueMap::new);
        return page(me, values, Map.of(), latest.orElse(null), model);
    }

    @PostMapping("/portal/history")
    String save(@AuthenticationPrincipal PortalPatient me, @RequestParam MultiValueMap<String, String> form,
            @RequestParam(name = "action", defaultValue = "save") String action, Model model,
            RedirectAttributes redirect) {
        boolean sending = "send".equals(action);
        PatientQuestions.QuestionnaireForm read = PatientQuestions.readQuestionnaire(form, sending);
        if (!read.problems().isEmpty()) {
            return page(me, form, read.problems(), null, model);
        }
        try {
            if (sending) {
                proposals.submit(me.clinicId(), me.patientId(), read.history(), read.unsure());
                redirect.addFlashAttribute("notice", "Thank you. Your answers are with the clinic: a clinician "
                        + "will go through them with you before any treatment.");
            } else {
                proposals.saveDraft(me.clinicId(), me.patientId(), read.history(), read.unsure());
                redirect.addFlashAttribute("notice", "Saved. You can come back and finish at any time.");
            }
        } catch (InvalidInputException e) {
            Map<String, String> problems = new LinkedHashMap<>();
            for (FieldProblem p : e.problems()) {
                problems.putIfAbsent(p.field(), p.message());
            }
            return page(me, form, problems, null, model);
        } catch (ConflictException e) {
            model.addAttribute("failure", e.getMessage());
            return page(me, form, Map.of(), null, model);
        }
        return "redirect:/portal/history";
    }

    private String page(PortalPatient me, MultiValueMap<String, String> values, Map<String, String> problems,
            HistoryProposal latest, Model model) {
        PortalPageFrame.fill(model, details, me.clinicId());
        PatientQuestions.addTo(model);
        model.addAttribute("v", values);
        model.addAttribute("problems", problems);
        model.addAttribute("latest", latest);
        return "portal/history";
    }
}

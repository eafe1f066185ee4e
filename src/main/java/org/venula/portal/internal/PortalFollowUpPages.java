package org.venula.portal.internal;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.clinic.ClinicDetails;
import org.venula.followup.PatientFeedback;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.web.FormValues;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** After the course, in the portal: the short questionnaire on how the treatment went. */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PortalFollowUpPages {

    /** What the page says beside a question left unanswered. */
    private static final Map<String, String> IN_PLAIN_WORDS = Map.of(
            "satisfaction", "Choose how pleased you are with the result.",
            "wouldRepeat", "Choose yes or no.");

    private final PatientFeedback feedback;
    private final ClinicDetails details;

    @GetMapping("/portal/feedback")
    String form(@AuthenticationPrincipal PortalPatient me, Model model) {
        return render(me, Map.of(), Map.of(), model);
    }

    @PostMapping("/portal/feedback")
    String answer(@AuthenticationPrincipal PortalPatient me, @RequestParam MultiValueMap<String, String> form,
            Model model, RedirectAttributes redirect) {
        FormValues f = new FormValues(form);
        PatientFeedback.Answer answer = new PatientFeedback.Answer(f.integer("satisfaction"),
                f.bool("wouldRepeat"), f.text("comment"));
        if (!f.errors().isEmpty()) {
            return render(me, form.toSingleValueMap(), f.errors(), model);
        }
        try {
            feedback.answer(me.clinicId(), me.patientId(), answer);
        } catch (InvalidInputException e) {
            Map<String, String> problems = new java.util.LinkedHashMap<>();
            e.problems().forEach(p -> problems.putIfAbsent(p.field(), IN_PLAIN_WORDS.getOrDefault(p.field(),
                    "Please check this: it " + p.message() + ".")));
            return render(me, form.toSingleValueMap(), problems, model);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
            return "redirect:/portal";
        }
        redirect.addFlashAttribute("notice", "Thank you: the clinic has your answers, and will talk them through "
                + "with you at your review.");
        return "redirect:/portal";
    }

    private String render(PortalPatient me, Map<String, String> values, Map<String, String> problems, Model model) {
        model.addAttribute("ask", feedback.own(me.clinicId(), me.patientId()).satisfaction());
        model.addAttribute("v", values);
        model.addAttribute("problems", problems);
        PortalPageFrame.fill(model, details, me.clinicId());
        return "portal/feedback";
    }

}

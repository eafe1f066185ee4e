package org.venula.portal.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.venula.clinic.ClinicDetails;
import org.venula.clinic.Clinics;
import org.venula.screening.SelfCheckAnswer;
import org.venula.screening.Screenings;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** "Am I suitable?": the screening questions in a patient's words, answered anonymously; nothing is kept. */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SelfCheckPages {

    private final Clinics clinics;
    private final ClinicDetails details;
    private final Screenings screenings;

    @GetMapping("/clinics/{clinicId}/suitability")
    String form(@PathVariable long clinicId, Model model) {
        return page(clinicId, new LinkedMultiValueMap<>(), Map.of(), null, model);
    }

    @PostMapping("/clinics/{clinicId}/suitability")
    String check(@PathVariable long clinicId, @RequestParam MultiValueMap<String, String> form, Model model) {
        clinic(clinicId);
        PatientQuestions.SelfCheckForm read = PatientQuestions.readSelfCheck(form);
        if (!read.problems().isEmpty()) {
            return page(clinicId, form, read.problems(), null, model);
        }
        try {
            SelfCheckAnswer answer = screenings.selfCheck(clinicId, read.history());
            model.addAttribute("unsure", read.unsure().size());
            return page(clinicId, form, Map.of(), answer, model);
        } catch (InvalidInputException e) {
            Map<String, String> problems = new LinkedHashMap<>();
            for (FieldProblem p : e.problems()) {
                // past events dated after today are the only refusal a read form can still meet
                problems.putIfAbsent(p.field().replaceFirst("^history\\.", ""),
                        p.message().startsWith("must not be after") ? "This date is in the future: check it"
                                : p.message());
            }
            return page(clinicId, form, problems, null, model);
        }
    }

    private String page(long clinicId, MultiValueMap<String, String> values, Map<String, String> problems,
            SelfCheckAnswer answer, Model model) {
        clinic(clinicId);
        PortalPageFrame.fill(model, details, clinicId);
        PatientQuestions.addTo(model);
        model.addAttribute("v", values);
        model.addAttribute("problems", problems);
        model.addAttribute("answer", answer);
        return "portal/suitability";
    }

    private void clinic(long clinicId) {
        clinics.clinicIfExists(clinicId).orElseThrow(() -> new NotFoundException("Clinic " + clinicId));
    }
}

package org.venula.followup.internal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.clinic.VenulaPrincipal;
import org.venula.followup.FollowUps;
import org.venula.followup.PatientFeedback;
import org.venula.shared.Paging;
import org.venula.shared.Labels;
import org.venula.shared.web.Form;
import org.venula.shared.web.FormOutcome;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The recall list, with one-click booking, and the follow-up panel on the patient's chart. */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FollowUpPages {

    private final FollowUps followUps;
    private final PatientFeedback feedback;

    @GetMapping("/recalls")
    String recalls(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam(required = false) Integer within,
            @RequestParam(required = false) Integer page, Model model) {
        int days = within == null ? FollowUps.DEFAULT_WITHIN_DAYS : within;
        var shown = followUps.due(me, days, Paging.of(page, null));
        model.addAttribute("within", days);
        model.addAttribute("tasks", shown.items());
        model.addAttribute("shown", shown);
        return "followup/recalls";
    }

    /** {@code within} is the list's filter, carried in the form's address to come back to the same list. */
    @PostMapping("/recalls/{id}/book")
    String book(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam(required = false) Integer within, RedirectAttributes redirect) {
        FormOutcome.of(redirect, "Not booked").shownAs("error").attempt(() -> followUps.book(me, id),
                a -> Labels.sentence(a.type().name()) + " booked for " + a.patientName() + " on "
                        + a.start().toLocalDate() + " at " + a.start().toLocalTime() + " with " + a.practitionerName()
                        + ".");
        return "redirect:/recalls" + (within == null ? "" : "?within=" + within);
    }

    record DismissFollowUpForm(String reason) {
    }

    @PostMapping("/recalls/{id}/dismiss")
    String dismiss(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, @Form DismissFollowUpForm form,
            RedirectAttributes redirect) {
        FormOutcome.of(redirect, "Not dismissed").shownAs("error").whenInvalid("give the reason")
                .run(() -> followUps.dismiss(me, id, form.reason()), "Follow-up dismissed; the reason is recorded.");
        return "redirect:/recalls";
    }

    @GetMapping("/patients/{id}/follow-ups/summary")
    String summary(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, Model model) {
        model.addAttribute("tasks", followUps.forPatient(me, id));
        // what the patient said of a course is clinical: only for those who see the clinical record
        model.addAttribute("answers", me.seesClinicalRecord() ? feedback.forPatient(me, id) : java.util.List.of());
        return "followup/summary :: panel";
    }
}

package org.venula.portal.internal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.clinic.ClinicDetails;
import org.venula.planning.ConsentAtHome;
import org.venula.shared.web.FormOutcome;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The patient's plan in the portal: the course, the quote, and the consent text to read and agree to at home. */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PortalPlansPages {

    private final ConsentAtHome consent;
    private final ResultPhotos resultPhotos;
    private final ClinicDetails details;

    @GetMapping("/portal/plan")
    String page(@AuthenticationPrincipal PortalPatient me, Model model) {
        model.addAttribute("plans", consent.ownPlans(me.clinicId(), me.patientId()));
        model.addAttribute("photoInvitation", resultPhotos.invitation(me.clinicId(), me.patientId()).orElse(null));
        PortalPageFrame.fill(model, details, me.clinicId());
        return "portal/plan";
    }

    @PostMapping("/portal/photos")
    String photo(@AuthenticationPrincipal PortalPatient me, @RequestParam(required = false) Long areaId,
            @RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file,
            RedirectAttributes redirect) throws java.io.IOException {
        try {
            resultPhotos.upload(me.clinicId(), me.patientId(), areaId, file == null ? null : file.getBytes());
            redirect.addFlashAttribute("notice", "Thank you: your photo is with the clinic.");
        } catch (org.venula.shared.InvalidInputException e) {
            redirect.addFlashAttribute("failure", "Not sent: " + e.problems().get(0).message() + ".");
        } catch (org.venula.shared.PayloadRejectedException | org.venula.shared.RefusedException e) {
            redirect.addFlashAttribute("failure", "Not sent: " + e.getMessage());
        }
        return "redirect:/portal/plan#photos";
    }

    @PostMapping("/portal/plan/{id}/consent")
    String give(@AuthenticationPrincipal PortalPatient me, @PathVariable long id,
            @RequestParam(required = false) String patientName,
            @RequestParam(required = false) Boolean understood, RedirectAttributes redirect) {
        if (!Boolean.TRUE.equals(understood)) {
            redirect.addFlashAttribute("failure", "Not recorded: tick to say you have read all of it and understood it.");
            return "redirect:/portal/plan";
        }
        FormOutcome.of(redirect, "Not recorded").whenInvalid(p -> p.message())
                .attempt(() -> consent.consent(me.clinicId(), me.patientId(), id, patientName),
                        p -> "Thank you. Your consent is recorded; the clinician will go through it with you in the "
                                + "room before your first treatment.");
        return "redirect:/portal/plan";
    }
}

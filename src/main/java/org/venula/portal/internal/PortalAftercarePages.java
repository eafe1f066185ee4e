package org.venula.portal.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.venula.accesslog.AccessAction;
import org.venula.aftercare.Aftercare;
import org.venula.aftercare.CheckIns;
import org.venula.aftercare.StoredPlan;
import org.venula.aftercare.TriageAnswer;
import org.venula.clinic.ClinicDetails;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;
import org.venula.shared.RefusedException;
import org.venula.shared.web.Downloads;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The patient's aftercare in the portal: the dated plan of their latest treatment (and earlier ones), its leaflet and
 * calendar, what to do when symptoms appear, and the check-in. The same as the private link shows, which keeps
 * working beside it; what the patient does here is logged as theirs in the portal.
 */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PortalAftercarePages {

    private final Aftercare aftercare;
    private final CheckIns checkIns;
    private final ClinicDetails details;

    /** The plan of the latest treatment, or a note that there is none yet. */
    @GetMapping("/portal/aftercare")
    String latest(@AuthenticationPrincipal PortalPatient me, Model model) {
        List<StoredPlan> plans = aftercare.ownCurrentPlans(me.clinicId(), me.patientId());
        if (plans.isEmpty()) {
            model.addAttribute("plans", plans);
            common(me, model);
            return "portal/aftercare";
        }
        return render(me, own(me, plans.get(0).id(), null), plans, model, null);
    }

    @GetMapping("/portal/aftercare/{id}")
    String plan(@AuthenticationPrincipal PortalPatient me, @PathVariable long id, Model model) {
        List<StoredPlan> plans = aftercare.ownCurrentPlans(me.clinicId(), me.patientId()); // logged as their view
        return render(me, own(me, id, null), plans, model, null);
    }

    /** Read with {@code @RequestParam}, as the private link's check-in is: a bad answer comes back to this page. */
    @PostMapping("/portal/aftercare/{id}/check-in")
    String checkIn(@AuthenticationPrincipal PortalPatient me, @PathVariable long id,
            @RequestParam(required = false) List<String> symptoms, @RequestParam(required = false) String note,
            Model model, HttpServletResponse response) {
        Aftercare.PatientView view = own(me, id, null);
        try {
            TriageAnswer answer = checkIns.checkIn(view, symptoms == null ? List.of() : symptoms, note);
            model.addAttribute("answer", answer);
            model.addAttribute("planId", id);
            common(me, model);
            return "portal/checked-in";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(me, view, aftercare.ownCurrentPlans(me.clinicId(), me.patientId()), model,
                    "Please check your answers: " + e.problems().get(0).message());
        } catch (ConflictException | RefusedException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return render(me, view, aftercare.ownCurrentPlans(me.clinicId(), me.patientId()), model,
                    "Not sent: " + e.getMessage() + " Please call the clinic if you are worried.");
        }
    }

    @GetMapping("/portal/aftercare/{id}/leaflet.pdf")
    ResponseEntity<byte[]> leaflet(@AuthenticationPrincipal PortalPatient me, @PathVariable long id) {
        return Downloads.pdf(aftercare.leaflet(own(me, id, AccessAction.VIEW_AFTERCARE_PLAN)),
                "aftercare-plan-" + id + ".pdf", false);
    }

    @GetMapping("/portal/aftercare/{id}/aftercare.ics")
    ResponseEntity<String> calendar(@AuthenticationPrincipal PortalPatient me, @PathVariable long id) {
        return Downloads.calendar(aftercare.calendar(own(me, id, AccessAction.VIEW_AFTERCARE_PLAN)), "aftercare.ics");
    }

    private String render(PortalPatient me, Aftercare.PatientView view, List<StoredPlan> plans, Model model,
            String error) {
        model.addAttribute("view", view);
        model.addAttribute("titles", Aftercare.titles(view.plan()));
        model.addAttribute("symptoms", aftercare.symptomChoices(view));
        model.addAttribute("emergencyNumber", aftercare.emergencyNumber(me.clinicId()));
        model.addAttribute("error", error);
        model.addAttribute("plans", plans);
        common(me, model);
        return "portal/aftercare";
    }

    private Aftercare.PatientView own(PortalPatient me, long id, AccessAction action) {
        return aftercare.ownView(me.clinicId(), me.patientId(), id, action)
                .orElseThrow(() -> new NotFoundException("Aftercare plan " + id));
    }

    private void common(PortalPatient me, Model model) {
        PortalPageFrame.fill(model, details, me.clinicId());
    }
}

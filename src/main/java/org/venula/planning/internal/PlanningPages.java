package org.venula.planning.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.planning.ConsentRequest;
import org.venula.planning.PlanRequest;
import org.venula.planning.Plans;
import org.venula.planning.TreatmentPlan;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.web.Downloads;
import org.venula.shared.web.Form;
import org.venula.shared.web.PageController;

/** Pages: create a plan from a consultation, the plan with its quote (page and PDF), and consent. */
@PageController
class PlanningPages {

    private final Plans plans;
    private final org.venula.planning.ConsentAtHome consentAtHome;
    private final QuoteDocument quotes;
    private final Clinics clinics;

    private final org.venula.patient.Patients patients;

    PlanningPages(Plans plans, org.venula.planning.ConsentAtHome consentAtHome, QuoteDocument quotes,
            Clinics clinics, org.venula.patient.Patients patients) {
        this.consentAtHome = consentAtHome;
        this.patients = patients;
        this.plans = plans;
        this.quotes = quotes;
        this.clinics = clinics;
    }

    /** How many sessions, how far apart; the agents and prices follow from the consultation and the protocol. */
    record PlanTreatmentForm(Integer sessions, Integer intervalDays) {
        PlanRequest request() {
            return new PlanRequest(sessions, intervalDays, null, null);
        }
    }

    @PostMapping("/consultations/{cid}/plan")
    String create(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long cid, @Form PlanTreatmentForm form,
            RedirectAttributes redirect) {
        try {
            TreatmentPlan plan = plans.create(me, cid, form.request());
            redirect.addFlashAttribute("notice", "Plan and quote created.");
            return "redirect:/plans/" + plan.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("planError", e.problems().get(0).field() + ": " + e.problems().get(0).message());
            return "redirect:/consultations/" + cid;
        }
    }

    @GetMapping("/plans/{planId}")
    String view(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long planId, Model model) {
        TreatmentPlan plan = plans.get(me, planId);
        model.addAllAttributes(quotes.model(me, plan));
        model.addAttribute("consentText", plans.consentText(me, plan));
        model.addAttribute("consentSettings", plans.consentSettings(me, plan));
        model.addAttribute("practitioners", clinics.practitioners(me.clinicId()));
        model.addAttribute("myPractitioner", clinics.practitionerOfUser(me.userId()).orElse(null));
        return "planning/plan";
    }

    @GetMapping(path = "/plans/{planId}/quote.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long planId) {
        return Downloads.pdf(quotes.pdf(me, planId), "venula-quote-" + planId + ".pdf", false);
    }

    /** The patient's name typed as their signature, a witness, and the tick that they understood. */
    record RecordConsentForm(String patientName, Long witnessPractitionerId, Boolean understood) {
        ConsentRequest request() {
            return new ConsentRequest(patientName, null, witnessPractitionerId);
        }
    }

    @PostMapping("/plans/{planId}/consent")
    String consent(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long planId,
            @Form RecordConsentForm form, RedirectAttributes redirect) {
        plans.get(me, planId); // the role and the clinic first: 403 or 404 before anything about the form
        List<String> problems = new ArrayList<>();
        if (!Boolean.TRUE.equals(form.understood())) {
            problems.add("Confirm that the patient has read the information and had their questions answered.");
        }
        if (problems.isEmpty()) {
            try {
                plans.consent(me, planId, form.request());
                redirect.addFlashAttribute("notice", "Consent recorded.");
                return "redirect:/plans/" + planId + "#consent";
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> problems.add(p.field() + ": " + p.message()));
            } catch (ConflictException e) {
                problems.add(e.getMessage());
            }
        }
        redirect.addFlashAttribute("consentErrors", problems);
        return "redirect:/plans/" + planId + "#consent";
    }

    @PostMapping("/plans/{planId}/consent/{consentId}/confirm")
    String confirm(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long planId,
            @PathVariable long consentId, RedirectAttributes redirect) {
        try {
            consentAtHome.confirm(me, planId, consentId);
            redirect.addFlashAttribute("notice", "The consent given at home is confirmed, with you as its witness.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("consentErrors", List.of(e.problems().get(0).message()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("consentErrors", List.of(e.getMessage()));
        }
        return "redirect:/plans/" + planId + "#consent";
    }

    record WithdrawConsentForm(String reason) {
    }

    @PostMapping("/plans/{planId}/consent/{consentId}/withdraw")
    String withdraw(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long planId,
            @PathVariable long consentId, @Form WithdrawConsentForm form, RedirectAttributes redirect) {
        try {
            plans.withdrawConsent(me, planId, consentId, form.reason());
            redirect.addFlashAttribute("notice", "Consent withdrawn; it stays on record, marked withdrawn.");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("consentErrors", List.of("Give the reason for withdrawing consent."));
        }
        return "redirect:/plans/" + planId + "#consent";
    }

    @GetMapping("/patients/{id}/plans/summary")
    String summary(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, Model model) {
        me.requireClinicalRecord();
        patients.requireInClinic(me, id);
        model.addAttribute("latest", plans.forPatient(me, id).stream().findFirst().orElse(null));
        return "planning/summary :: panel";
    }
}

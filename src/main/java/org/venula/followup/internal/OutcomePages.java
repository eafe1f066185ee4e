package org.venula.followup.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.assessment.Consultations;
import org.venula.clinic.VenulaPrincipal;
import org.venula.followup.Audit;
import org.venula.followup.Complication;
import org.venula.followup.Complications;
import org.venula.followup.OutcomeAudit;
import org.venula.followup.PatientFeedback;
import org.venula.followup.RecordReview;
import org.venula.followup.ReportComplication;
import org.venula.followup.Reviews;
import org.venula.followup.rules.ComplicationRules;
import org.venula.patient.Patients;
import org.venula.planning.Plans;
import org.venula.planning.TreatmentPlan;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.Labels;
import org.venula.shared.Paging;
import org.venula.shared.web.Form;
import org.venula.shared.web.FormValues;
import org.venula.treatment.Sessions;
import org.venula.shared.web.Downloads;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Pages: recording a review and a complication, complications waiting for a decision, and the outcome audit. */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OutcomePages {

    private final Reviews reviews;
    private final Complications complications;
    private final Audit audit;
    private final Patients patients;
    private final Plans plans;
    private final Consultations consultations;
    private final Sessions sessions;
    private final PatientFeedback feedback;

    @GetMapping("/patients/{id}/reviews/new")
    String reviewForm(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam(required = false) Long planId, Model model) {
        model.addAttribute("patient", patients.get(me, id));
        List<TreatmentPlan> all = plans.forPatient(me, id);
        TreatmentPlan plan = planId == null ? all.stream().findFirst().orElse(null)
                : all.stream().filter(p -> p.id() == planId).findFirst().orElse(null);
        model.addAttribute("plans", all);
        model.addAttribute("plan", plan);
        model.addAttribute("areas", plan == null ? List.of() : consultations.get(me, plan.consultationId()).areas());
        model.addAttribute("timing", plan == null ? Map.of() : reviews.reviewTiming(me, id, plan.id()));
        model.addAttribute("sessions", sessions.forPatient(me, id).stream().filter(s -> s.signed()).toList());
        model.addAttribute("patientAnswer", plan == null ? null : feedback.forPlan(me, id, plan.id()).orElse(null));
        model.addAttribute("types", ComplicationRules.Type.values());
        model.addAttribute("severities", ComplicationRules.Severity.values());
        model.addAttribute("foundBy", ComplicationRules.FoundBy.values());
        model.addAttribute("today", patients.today(me));
        if (!model.containsAttribute("reviewErrors")) {
            model.addAttribute("reviewErrors", List.of());
            model.addAttribute("complicationErrors", List.of());
        }
        return "followup/review";
    }

    /**
     * The review form names a row per mapped area ({@code clearance.12}, {@code drained.12}), so it stays read field by
     * field with {@link FormValues}, like the complication form beside it, whose unreadable values join the form's list.
     */
    @PostMapping("/patients/{id}/reviews")
    String review(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        FormValues f = new FormValues(form);
        List<RecordReview.Area> areas = new ArrayList<>();
        form.keySet().stream().filter(k -> k.startsWith("clearance.")).sorted().forEach(k -> {
            String area = k.substring("clearance.".length());
            Integer clearance = f.integer(k);
            if (clearance != null) {
                areas.add(new RecordReview.Area(Long.valueOf(area), clearance,
                        Boolean.TRUE.equals(f.bool("drained." + area)), f.text("drainageNote." + area)));
            }
        });
        Integer planId = f.integer("planId");
        RecordReview r = new RecordReview(planId == null ? null : planId.longValue(), f.date("reviewedOn"), areas,
                f.integer("satisfaction"), f.bool("wouldRepeat"), f.text("ceapLeft"), f.text("ceapRight"),
                f.integer("vcssLeft"), f.integer("vcssRight"), f.text("decision"), f.date("recallOn"), f.text("notes"), f.text("reason"));
        List<String> errors = new ArrayList<>();
        f.errors().forEach((k, v) -> errors.add(Labels.field(k) + ": " + v));
        if (errors.isEmpty()) {
            try {
                var saved = reviews.recordReview(me, id, r);
                redirect.addFlashAttribute("notice", "Review recorded: " + Labels.sentence(saved.decision())
                        + (saved.recallOn() == null ? "." : ", maintenance recall due " + saved.recallOn() + "."));
                return "redirect:/patients/" + id;
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> errors.add(Labels.field(p.field()) + ": " + p.message()));
            }
        }
        redirect.addFlashAttribute("reviewErrors", errors);
        redirect.addFlashAttribute("complicationErrors", List.of());
        return "redirect:/patients/" + id + "/reviews/new" + (planId == null ? "" : "?planId=" + planId);
    }

    @PostMapping("/patients/{id}/complications")
    String complication(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        FormValues f = new FormValues(form);
        Integer session = f.integer("sessionId");
        Integer area = f.integer("areaId");
        ReportComplication c = new ReportComplication(f.text("type"), session == null ? null : session.longValue(),
                area == null ? null : area.longValue(), f.date("onsetOn"), f.text("severity"), f.text("foundBy"),
                f.text("management"), f.date("resolvedOn"));
        List<String> errors = new ArrayList<>();
        f.errors().forEach((k, v) -> errors.add(Labels.field(k) + ": " + v));
        if (errors.isEmpty()) {
            try {
                var saved = complications.report(me, id, c);
                redirect.addFlashAttribute("notice", "Complication recorded: " + Labels.sentence(saved.type())
                        + (saved.serious() ? ". It is serious: the clinic lead is alerted. " + complications.regulatorPrompt(me.clinicId())
                        : "."));
                return "redirect:/patients/" + id;
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> errors.add(Labels.field(p.field()) + ": " + p.message()));
            }
        }
        redirect.addFlashAttribute("complicationErrors", errors);
        redirect.addFlashAttribute("reviewErrors", List.of());
        return "redirect:/patients/" + id + "/reviews/new#complication";
    }

    @GetMapping("/complications/waiting/summary")
    String waiting(@AuthenticationPrincipal VenulaPrincipal me, Model model) {
        // A panel of the dashboard, so one page of the most it shows, with how many more follow said in words.
        Paging.Paged<Complication> waiting = complications.waiting(me, Paging.of(0, Paging.MAX_SIZE));
        model.addAttribute("waiting", waiting.items());
        model.addAttribute("moreWaiting", waiting.more());
        model.addAttribute("regulatorPrompt", complications.regulatorPrompt(me.clinicId()));
        return "followup/waiting :: panel";
    }

    /**
     * A proposed complication confirmed (with its severity) or rejected, with the reason; or the clinic lead's review
     * of a serious one, with their report. {@code action} is the button pressed.
     */
    record DecideComplicationForm(String action, String severity, String reason, String report) {
    }

    @PostMapping("/complications/{id}/decide")
    String decide(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @Form DecideComplicationForm form, RedirectAttributes redirect) {
        me.requireClinicalRecord();
        complications.requireComplication(me, id);
        try {
            switch (form.action() == null ? "" : form.action()) {
                case "confirm" -> complications.confirm(me, id, form.severity(), null, form.reason());
                case "reject" -> complications.reject(me, id, form.reason());
                case "lead" -> complications.leadReview(me, id, form.report());
                default -> throw new InvalidInputException("action", "choose confirm, reject or lead review");
            }
            redirect.addFlashAttribute("notice", "Recorded.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.problems().get(0).message());
        } catch (ConflictException | org.springframework.security.access.AccessDeniedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/dashboard";
    }

    @GetMapping("/patients/{id}/outcomes/summary")
    String summary(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, Model model) {
        model.addAttribute("patientId", id);
        model.addAttribute("reviews", reviews.reviews(me, id));
        model.addAttribute("complications", complications.complications(me, id));
        return "followup/outcomes :: panel";
    }

    // ---- the audit

    @GetMapping("/admin/audit")
    String audit(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, Model model) {
        OutcomeAudit a = audit.outcomes(me, from, to);
        model.addAttribute("a", a);
        Map<String, String> svgs = new LinkedHashMap<>();
        for (OutcomeAudit.Funnel f : a.funnels()) {
            if (f.points().stream().anyMatch(p -> p.events() > 0)) {
                svgs.put(f.type(), FunnelSvg.render(f, Labels.sentence(f.type()) + " by practitioner"));
            }
        }
        model.addAttribute("funnels", svgs);
        return "followup/audit";
    }

    @GetMapping("/admin/audit.csv")
    ResponseEntity<String> csv(@AuthenticationPrincipal VenulaPrincipal me,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        OutcomeAudit a = audit.outcomes(me, from, to);
        return Downloads.csv(audit.csv(a), Audit.csvFileName(a));
    }

    @GetMapping("/admin/audit/funnel/{type}.svg")
    ResponseEntity<String> svg(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable String type,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        return Downloads.svg(audit.funnelSvg(audit.outcomes(me, from, to), type),
                "funnel-" + type.toLowerCase(java.util.Locale.ROOT) + ".svg");
    }
}

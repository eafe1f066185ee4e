package org.venula.aftercare.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.accesslog.AccessAction;
import org.venula.aftercare.Aftercare;
import org.venula.aftercare.CheckIn;
import org.venula.aftercare.CheckIns;
import org.venula.aftercare.StoredPlan;
import org.venula.aftercare.TriageAnswer;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.Patients;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.Protocols;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;

import jakarta.servlet.http.HttpServletResponse;
import org.venula.shared.Paging;
import org.venula.shared.web.Downloads;
import org.venula.shared.web.Form;
import org.venula.shared.web.FormOutcome;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Pages: the clinician's view of a plan (link, leaflet, calendar, regeneration), the chart panel and the check-in
 * dashboard; and, without sign-in, the patient's plan behind a private link, their check-in, and the clinic's patient
 * information. A wrong or expired link shows one plain page that reveals nothing.
 */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AftercarePages {

    private final Aftercare aftercare;
    private final CheckIns checkIns;
    private final AftercareDocuments documents;
    private final Patients patients;
    private final Clinics clinics;
    private final Protocols protocols;
    private final Clock clock;

    // ---- staff

    @GetMapping("/aftercare/plans/{id}")
    String plan(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, Model model) {
        StoredPlan p = aftercare.get(me, id);
        model.addAttribute("stored", p);
        model.addAttribute("patient", patients.get(me, p.patientId()));
        model.addAttribute("titles", AftercareDocuments.titles(p));
        if (!model.containsAttribute("link")) {
            model.addAttribute("link", null);
        }
        return "aftercare/plan";
    }

    @PostMapping("/aftercare/plans/{id}/link")
    String link(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
        FormOutcome.of(redirect, "No link made").shownAs("error").attempt(() -> aftercare.issueLink(me, id), link -> {
            redirect.addFlashAttribute("link", link);
            return "A new private link is ready; any earlier link no longer works.";
        });
        return "redirect:/aftercare/plans/" + id;
    }

    record RegeneratePlanForm(String reason) {
    }

    @PostMapping("/aftercare/plans/{id}/regenerate")
    String regenerate(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @Form RegeneratePlanForm form, RedirectAttributes redirect) {
        return FormOutcome.of(redirect, "Not made again").shownAs("error").whenInvalid("give the reason")
                .attempt(() -> aftercare.regenerate(me, id, form.reason()),
                        p -> "Version " + p.version() + " made; the session has an addendum.")
                .map(p -> "redirect:/aftercare/plans/" + p.id()).orElse("redirect:/aftercare/plans/" + id);
    }

    @GetMapping("/aftercare/plans/{id}/leaflet.pdf")
    ResponseEntity<byte[]> leaflet(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        StoredPlan p = aftercare.get(me, id);
        return pdf(documents.leaflet(me.clinicId(), patients.get(me, p.patientId()).fullName(), p), id);
    }

    @GetMapping("/aftercare/plans/{id}/aftercare.ics")
    ResponseEntity<String> ics(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return calendar(documents.ics(aftercare.get(me, id), clinics.clinic(me.clinicId()).name()));
    }

    @GetMapping("/patients/{id}/aftercare/summary")
    String summary(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, Model model) {
        model.addAttribute("plans", aftercare.forPatient(me, id));
        model.addAttribute("checkIns", checkIns.forPatient(me, id).stream().limit(5).toList());
        return "aftercare/summary :: panel";
    }

    @GetMapping("/dashboard")
    String dashboard(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam(required = false) Integer page,
            Model model) {
        Paging.Paged<CheckIn> shown = checkIns.open(me, Paging.of(page, null));
        List<CheckIn> open = shown.items();
        model.addAttribute("shown", shown);
        Map<Long, String> waited = new LinkedHashMap<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        open.forEach(c -> waited.put(c.id(), waited(Duration.between(c.createdAt(), now))));
        model.addAttribute("checkIns", open);
        model.addAttribute("waited", waited);
        return "aftercare/dashboard";
    }

    static String waited(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 48 * 60) {
            return minutes / 60 + " h " + minutes % 60 + " min";
        }
        return minutes / (24 * 60) + " days";
    }

    record AcknowledgeCheckInForm(String note) {
    }

    @PostMapping("/check-ins/{id}/acknowledge")
    String acknowledge(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @Form AcknowledgeCheckInForm form, RedirectAttributes redirect) {
        try {
            CheckIn c = checkIns.acknowledge(me, id, form.note());
            redirect.addFlashAttribute("notice", "Acknowledged: " + c.patientName() + ".");
        } catch (ConflictException | InvalidInputException | NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/dashboard";
    }

    // ---- the patient, through a private link

    @GetMapping("/my/{token}")
    Object mine(@PathVariable String token, Model model, HttpServletResponse response) {
        return withLink(token, AccessAction.VIEW_AFTERCARE_PLAN, model, response,
                view -> renderMine(view, token, model, null));
    }

    private String renderMine(Aftercare.PatientView view, String token, Model model, String error) {
        model.addAttribute("view", view);
        model.addAttribute("token", token);
        model.addAttribute("titles", AftercareDocuments.titles(view.plan()));
        model.addAttribute("emergencyNumber", aftercare.emergencyNumber(view.clinicId()));
        model.addAttribute("contact", aftercare.contact(view.clinicId()));
        model.addAttribute("symptoms", aftercare.symptomChoices(view));
        model.addAttribute("error", error);
        return "aftercare/my";
    }

    /**
     * Stays read with {@code @RequestParam} on purpose: a patient's check-in must always come back to their own page,
     * with the clinic's emergency number, and a {@code @Form} record's unreadable value would be answered by the staff's
     * 422 page before this method runs (a note with a control character pasted into it, say). The check-in reads the
     * symptoms' codes itself and answers a wrong one on the patient's page.
     */
    @PostMapping("/my/{token}/check-in")
    Object checkIn(@PathVariable String token, @RequestParam(required = false) List<String> symptoms,
            @RequestParam(required = false) String note, Model model, HttpServletResponse response) {
        return withLink(token, null, model, response, view -> { // the check-in logs itself
            try {
                TriageAnswer answer = checkIns.checkIn(view, symptoms == null ? List.of() : symptoms, note);
                model.addAttribute("view", view);
                model.addAttribute("token", token);
                model.addAttribute("answer", answer);
                model.addAttribute("contact", aftercare.contact(view.clinicId()));
                return "aftercare/checked-in";
            } catch (InvalidInputException e) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                return renderMine(view, token, model, "Please check your answers: " + e.problems().get(0).message());
            }
        });
    }

    @GetMapping("/my/{token}/leaflet.pdf")
    Object myLeaflet(@PathVariable String token, Model model, HttpServletResponse response) {
        return withLink(token, AccessAction.VIEW_AFTERCARE_PLAN, model, response,
                v -> pdf(documents.leaflet(v.clinicId(), v.patientName(), v.plan()), v.plan().id()));
    }

    @GetMapping("/my/{token}/aftercare.ics")
    Object myCalendar(@PathVariable String token, Model model, HttpServletResponse response) {
        return withLink(token, AccessAction.VIEW_AFTERCARE_PLAN, model, response,
                v -> calendar(documents.ics(v.plan(), v.clinicName())));
    }

    /**
     * What a valid link's plan shows; for a wrong, replaced or expired link, one plain page (404) that reveals
     * nothing. An unknown link names no clinic: the configured emergency number (999 unless set) is the safe answer.
     */
    private Object withLink(String token, AccessAction logged, Model model, HttpServletResponse response,
            Function<Aftercare.PatientView, Object> shown) {
        return aftercare.byToken(token, logged).map(shown).orElseGet(() -> {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("emergencyNumber", aftercare.defaultEmergencyNumber());
            return "aftercare/link-not-valid";
        });
    }

    // ---- public patient information

    @GetMapping("/clinics/{clinicId}/information")
    String information(@PathVariable long clinicId, Model model) {
        var clinic = clinics.clinicIfExists(clinicId).orElseThrow(() -> new NotFoundException("Clinic " + clinicId));
        ProtocolDocument doc = protocols.active(clinicId).document();
        model.addAttribute("clinicName", aftercare.contact(clinicId).name());
        model.addAttribute("clinicId", clinicId);
        model.addAttribute("contact", aftercare.contact(clinicId));
        model.addAttribute("protocol", doc);
        model.addAttribute("redFlags", aftercare.redFlagsOf(clinicId, doc));
        return "aftercare/information";
    }

    private static ResponseEntity<byte[]> pdf(byte[] pdf, long id) {
        return Downloads.pdf(pdf, "aftercare-plan-" + id + ".pdf", false);
    }

    private static ResponseEntity<String> calendar(String ics) {
        return Downloads.calendar(ics, "aftercare.ics");
    }
}

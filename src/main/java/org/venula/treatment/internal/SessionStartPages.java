package org.venula.treatment.internal;

import java.util.LinkedHashMap;
import java.util.List;
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
import org.venula.patient.PatientRecord;
import org.venula.patient.Patients;
import org.venula.protocol.Protocols;
import org.venula.scheduling.Appointments;
import org.venula.scheduling.rules.PathwayRules;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.RefusedException;
import org.venula.shared.web.FormValues;
import org.venula.shared.web.PageController;
import org.venula.treatment.SessionStart;
import org.venula.treatment.Sessions;
import org.venula.treatment.StartSession;
import org.venula.treatment.TreatmentSession;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Pages: starting a session (checklist, weight, what blocks it) and the patient's sessions in summary. */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SessionStartPages {

    private final SessionStart start;
    private final Sessions sessions;
    private final Patients patients;
    private final Appointments appointments;
    private final Protocols protocols;

    @GetMapping("/patients/{id}/sessions/new")
    String startForm(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam(required = false) Long appointmentId, Model model) {
        Map<String, String> v = new LinkedHashMap<>();
        if (appointmentId != null) {
            v.put("appointmentId", appointmentId.toString());
        }
        PatientRecord p = patients.get(me, id);
        if (p.weightKg() != null) {
            v.put("weightKg", p.weightKg().stripTrailingZeros().toPlainString());
        }
        return renderStart(me, p, model, v, List.of(), Map.of());
    }

    /** Read field by field with {@link FormValues}: every value it cannot read is shown beside its field, as typed. */
    @PostMapping("/patients/{id}/sessions")
    String start(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        FormValues f = new FormValues(form);
        String appointment = f.text("appointmentId");
        StartSession request = new StartSession(appointment == null ? null : Long.valueOf(appointment),
                f.text("adHocReason"), f.decimal("weightKg"), form.getOrDefault("confirmed", List.of()));
        Map<String, String> problems = new LinkedHashMap<>(f.errors());
        if (problems.isEmpty()) {
            try {
                TreatmentSession s = start.start(me, id, request);
                redirect.addFlashAttribute("notice", "Session started. Chart each injection on the leg map.");
                return "redirect:/sessions/" + s.id();
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> problems.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
            } catch (RefusedException | ConflictException e) {
                problems.put("session", e.getMessage());
            }
        }
        return renderStart(me, patients.get(me, id), model, form.toSingleValueMap(),
                form.getOrDefault("confirmed", List.of()), problems);
    }

    private String renderStart(VenulaPrincipal me, PatientRecord p, Model model, Map<String, String> values,
            List<String> confirmed, Map<String, String> problems) {
        model.addAttribute("patient", p);
        model.addAttribute("v", values);
        model.addAttribute("confirmed", confirmed);
        model.addAttribute("problems", problems);
        model.addAttribute("blockers", start.blockers(me, p.id()));
        model.addAttribute("checklist", protocols.active(me.clinicId()).document().treatment().checklist());
        model.addAttribute("appointments", appointments.forPatient(me, p.id()).stream()
                .filter(a -> a.type() == PathwayRules.Type.TREATMENT && a.status() != PathwayRules.Status.CANCELLED)
                .toList());
        return "treatment/start";
    }

    @GetMapping("/patients/{id}/sessions/summary")
    String summary(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, Model model) {
        model.addAttribute("patientId", id);
        model.addAttribute("sessions", sessions.forPatient(me, id));
        return "treatment/summary :: panel";
    }
}

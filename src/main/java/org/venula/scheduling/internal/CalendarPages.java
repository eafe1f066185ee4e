package org.venula.scheduling.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.clinic.Clinics;
import org.venula.clinic.PractitionerView;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.Patients;
import org.venula.scheduling.Appointment;
import org.venula.scheduling.Appointments;
import org.venula.scheduling.BookAppointment;
import org.venula.scheduling.rules.PathwayRules.Rule;
import org.venula.scheduling.rules.PathwayRules.Type;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.Labels;
import org.venula.shared.ProblemException;

/** Pages: a practitioner's day with its free slots, booking from a slot, and the chart's appointments panel. */
@Controller
class CalendarPages {

    private final Appointments appointments;
    private final Clinics clinics;
    private final Patients patients;

    CalendarPages(Appointments appointments, Clinics clinics, Patients patients) {
        this.appointments = appointments;
        this.clinics = clinics;
        this.patients = patients;
    }

    @GetMapping("/calendar")
    String day(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam(required = false) Long practitionerId,
            @RequestParam(required = false) LocalDate date, @RequestParam(required = false) Type type,
            @RequestParam(required = false) Long patientId, Model model) {
        List<PractitionerView> practitioners = clinics.practitioners(me.clinicId());
        LocalDate day = date == null ? clinics.today(me.clinicId()) : date;
        Type t = type == null ? Type.CONSULTATION : type;
        model.addAttribute("practitioners", practitioners);
        model.addAttribute("day", day);
        model.addAttribute("type", t);
        model.addAttribute("types", Type.values());
        model.addAttribute("patientId", patientId);
        if (patientId != null) {
            model.addAttribute("forPatient", patients.get(me, patientId));
        }
        PractitionerView p = practitionerId == null
                ? clinics.practitionerOfUser(me.userId()).orElse(practitioners.isEmpty() ? null : practitioners.get(0))
                : practitioners.stream().filter(x -> x.id() == practitionerId).findFirst().orElse(null);
        model.addAttribute("practitioner", p);
        if (p != null) {
            model.addAttribute("appointments", appointments.forPractitioner(me, p.id(), day, day));
            model.addAttribute("slots", appointments.slots(me, p.id(), t, day, day));
            model.addAttribute("length", appointments.length(me, t));
        }
        return "scheduling/day";
    }

    @GetMapping("/calendar/book")
    String bookForm(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam long practitionerId,
            @RequestParam LocalDateTime start, @RequestParam Type type, @RequestParam(required = false) Long patientId,
            @RequestParam(required = false) String query, Model model) {
        model.addAttribute("practitioner", clinics.practitioner(me.clinicId(), practitionerId).orElseThrow());
        model.addAttribute("start", start);
        model.addAttribute("type", type);
        model.addAttribute("length", appointments.length(me, type));
        model.addAttribute("query", query == null ? "" : query);
        model.addAttribute("rules", Rule.values());
        if (patientId != null) {
            model.addAttribute("patient", patients.get(me, patientId));
        } else if (query != null && !query.isBlank()) {
            model.addAttribute("matches", patients.search(me, query.trim(), 0, 10).items());
        }
        return "scheduling/book";
    }

    @PostMapping("/calendar/book")
    String book(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam(required = false) Long patientId,
            @RequestParam long practitionerId, @RequestParam LocalDateTime start, @RequestParam Type type,
            @RequestParam(required = false) Rule overrideRule, @RequestParam(required = false) String overrideReason,
            RedirectAttributes redirect) {
        BookAppointment.Override override = overrideRule == null ? null
                : new BookAppointment.Override(overrideRule, overrideReason);
        try {
            Appointment a = appointments.book(me, new BookAppointment(patientId, practitionerId, type, start, override));
            redirect.addFlashAttribute("notice", Labels.sentence(type.name()) + " booked for " + a.start().toLocalDate() + " at "
                    + a.start().toLocalTime() + " with " + a.practitionerName() + ".");
            return "redirect:/patients/" + a.patientId();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("bookError", e.getMessage() + " (" + e.properties().get("rule") + ")");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("bookError", e.getMessage());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("bookError", e.problems().get(0).field() + ": " + e.problems().get(0).message());
        }
        redirect.addAttribute("practitionerId", practitionerId);
        redirect.addAttribute("start", start);
        redirect.addAttribute("type", type);
        if (patientId != null) {
            redirect.addAttribute("patientId", patientId);
        }
        return "redirect:/calendar/book";
    }

    @PostMapping("/appointments/{id}/cancel")
    String cancel(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            Appointment a = appointments.cancel(me, id, reason);
            redirect.addFlashAttribute("notice", "Appointment cancelled.");
            return "redirect:/patients/" + a.patientId();
        } catch (InvalidInputException | ConflictException e) {
            Appointment a = appointments.get(me, id);
            redirect.addFlashAttribute("notice", "Not cancelled: give a reason.");
            return "redirect:/patients/" + a.patientId();
        }
    }

    @GetMapping("/patients/{id}/appointments/summary")
    String summary(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, Model model) {
        model.addAttribute("patientId", id);
        model.addAttribute("appointments", appointments.forPatient(me, id));
        return "scheduling/summary :: panel";
    }
}

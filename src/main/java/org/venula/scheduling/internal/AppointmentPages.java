package org.venula.scheduling.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.venula.scheduling.Appointment;
import org.venula.scheduling.Appointments;
import org.venula.scheduling.Availability;
import org.venula.scheduling.Bookings;
import org.venula.shared.Paging;
import org.venula.scheduling.WaitingList;
import org.venula.scheduling.rules.PathwayRules.Status;
import org.venula.scheduling.rules.PathwayRules.Type;
import org.venula.scheduling.rules.PathwayRules.Window;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.Labels;
import org.venula.shared.NotFoundException;
import org.venula.shared.RefusedException;

/**
 * Pages for the front desk's diary work: one appointment to cancel, move, mark attended or missed (and, once freed,
 * offer to the waiting list); a practitioner's working hours and absences; the waiting list.
 */
@Controller
class AppointmentPages {

    private static final int RESCHEDULE_DAYS = 14;

    private final Appointments appointments;
    private final Availability availability;
    private final Bookings bookings;
    private final WaitingList waitingList;
    private final Clinics clinics;
    private final org.venula.patient.Patients patients;
    private final java.time.Clock clock;

    AppointmentPages(Appointments appointments, Availability availability, Bookings bookings, WaitingList waitingList,
            Clinics clinics, org.venula.patient.Patients patients, java.time.Clock clock) {
        this.availability = availability;
        this.bookings = bookings;
        this.clock = clock;
        this.patients = patients;
        this.appointments = appointments;
        this.waitingList = waitingList;
        this.clinics = clinics;
    }

    @GetMapping("/appointments/{id}")
    String show(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam(required = false) LocalDate from, Model model) {
        Appointment a = appointments.get(me, id);
        LocalDate today = clinics.today(me.clinicId());
        LocalDate first = from != null && !from.isBefore(today) ? from
                : a.start().toLocalDate().isBefore(today) ? today : a.start().toLocalDate();
        model.addAttribute("appointment", a);
        model.addAttribute("today", today);
        model.addAttribute("past", a.start().toLocalDate().isBefore(today));
        model.addAttribute("started", !a.start().toLocalDate().isAfter(today));
        if (a.status() == Status.BOOKED) {
            model.addAttribute("from", first);
            model.addAttribute("slots", byDay(availability.slots(me, a.practitionerId(), a.type(), first,
                    first.plusDays(RESCHEDULE_DAYS - 1))));
            model.addAttribute("earlier", first.minusDays(RESCHEDULE_DAYS).isBefore(today) ? null
                    : first.minusDays(RESCHEDULE_DAYS));
            model.addAttribute("later", first.plusDays(RESCHEDULE_DAYS));
        }
        if (a.status() == Status.CANCELLED && a.start().isAfter(java.time.LocalDateTime.now(
                clock.withZone(clinics.clinic(me.clinicId()).zone())))) {
            model.addAttribute("offers", waitingList.suiting(me, a.type(), a.practitionerId()));
        }
        model.addAttribute("history", appointments.forPatient(me, a.patientId()).stream()
                .filter(x -> x.id() == a.id() || a.rescheduledFrom() != null && x.id() == a.rescheduledFrom()
                        || x.rescheduledFrom() != null && x.rescheduledFrom() == a.id()).toList());
        return "scheduling/appointment";
    }

    private static Map<LocalDate, List<LocalDateTime>> byDay(List<LocalDateTime> slots) {
        Map<LocalDate, List<LocalDateTime>> out = new LinkedHashMap<>();
        slots.forEach(s -> out.computeIfAbsent(s.toLocalDate(), d -> new java.util.ArrayList<>()).add(s));
        return out;
    }

    @PostMapping("/appointments/{id}/{action:attended|no-show}")
    String mark(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, @PathVariable String action,
            RedirectAttributes redirect) {
        try {
            Appointment a = "attended".equals(action) ? appointments.markAttended(me, id)
                    : appointments.markNoShow(me, id);
            redirect.addFlashAttribute("notice", "attended".equals(action) ? a.patientName() + " is marked as attended."
                    : a.patientName() + " is marked as not attending. The time is not offered again.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/appointments/" + id;
    }

    @PostMapping("/appointments/{id}/cancel")
    String cancel(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String otherReason,
            RedirectAttributes redirect) {
        String why = "OTHER".equals(reason) || reason == null || reason.isBlank() ? otherReason : reason;
        try {
            appointments.cancel(me, id, why);
            redirect.addFlashAttribute("notice", "Appointment cancelled. The time is free again.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("failure", "Not cancelled: say why (the patient called, the clinic moved it…).");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/appointments/" + id;
    }

    @PostMapping("/appointments/{id}/reschedule")
    String reschedule(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam(required = false) LocalDateTime start, RedirectAttributes redirect) {
        try {
            Appointment moved = bookings.reschedule(me, id, start, null);
            redirect.addFlashAttribute("notice", "Moved to " + Labels.sentence(moved.start().getDayOfWeek().name())
                    + " " + moved.start().toLocalDate() + " at " + moved.start().toLocalTime() + ".");
            return "redirect:/appointments/" + moved.id();
        } catch (RefusedException e) {
            redirect.addFlashAttribute("failure", "Not moved: " + e.getMessage());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("failure", "Not moved: " + e.getMessage());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("failure", "Not moved: " + Labels.field(e.problems().get(0).field()) + " "
                    + e.problems().get(0).message() + ".");
        }
        return "redirect:/appointments/" + id;
    }

    // ---- working hours and absences

    @GetMapping("/practitioners/{id}/hours")
    String hours(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, Model model) {
        PractitionerView p = practitioner(me, id);
        Map<Integer, List<Window>> week = availability.hours(id);
        Map<Integer, Window> rows = new LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            List<Window> w = week.get(d.getValue());
            rows.put(d.getValue(), w == null || w.isEmpty() ? null : w.get(0));
        }
        LocalDate today = clinics.today(me.clinicId());
        model.addAttribute("practitioner", p);
        model.addAttribute("week", rows);
        model.addAttribute("dayNames", java.util.Arrays.stream(DayOfWeek.values())
                .map(d -> Labels.sentence(d.name())).toList());
        model.addAttribute("absences", availability.absences(me, id, today, today.plusYears(1)));
        model.addAttribute("mayChange", me.isAdmin() || p.userId() == me.userId());
        model.addAttribute("today", today);
        return "scheduling/hours";
    }

    @PostMapping("/practitioners/{id}/hours")
    String saveHours(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        practitioner(me, id);
        Map<Integer, Window> week = new LinkedHashMap<>();
        try {
            for (int d = 1; d <= 7; d++) {
                if ("true".equals(form.get("works." + d))) {
                    week.put(d, new Window(time(form.get("start." + d)), time(form.get("end." + d))));
                }
            }
            availability.setHours(me, id, week);
            redirect.addFlashAttribute("notice", "Working hours saved. New bookings follow them; booked appointments "
                    + "stay as they are.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("failure", "Not saved: " + e.problems().get(0).message() + ".");
        }
        return "redirect:/practitioners/" + id + "/hours";
    }

    @PostMapping("/practitioners/{id}/absences")
    String addAbsence(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate until,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        practitioner(me, id);
        try {
            // The facade checks who may record it before it checks the dates.
            availability.addAbsence(me, id, from == null ? null : from.atStartOfDay(),
                    until == null ? null : until.plusDays(1).atStartOfDay(),
                    reason == null || reason.isBlank() ? null : reason.trim());
            redirect.addFlashAttribute("notice", "Absence recorded: no new bookings from " + from + " to " + until
                    + ". Check the diary for appointments already booked then.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("failure", "Not recorded: " + ("end".equals(e.problems().get(0).field())
                    ? "give the first and last day away, the last on or after the first"
                    : e.problems().get(0).message()) + ".");
        }
        return "redirect:/practitioners/" + id + "/hours";
    }

    private PractitionerView practitioner(VenulaPrincipal me, long id) {
        return clinics.practitioner(me.clinicId(), id).orElseThrow(() -> new NotFoundException("Practitioner " + id));
    }

    private static LocalTime time(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalTime.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("hours", "'" + value + "' is not a time such as 09:00");
        }
    }

    // ---- waiting list

    @GetMapping("/calendar/waiting")
    String waiting(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam(required = false) Long patientId,
            @RequestParam(required = false) Integer page, Model model) {
        var shown = waitingList.waiting(me, Paging.of(page, null));
        model.addAttribute("entries", shown.items());
        model.addAttribute("shown", shown);
        model.addAttribute("practitioners", clinics.practitioners(me.clinicId()));
        model.addAttribute("types", Type.values());
        if (patientId != null) {
            model.addAttribute("forPatient", patients.get(me, patientId));
        }
        return "scheduling/waiting";
    }

    @PostMapping("/calendar/waiting")
    String join(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam(required = false) Long patientId,
            @RequestParam(required = false) Type type, @RequestParam(required = false) Long practitionerId,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            var w = waitingList.join(me, new WaitingList.Join(patientId, type, practitionerId, note));
            redirect.addFlashAttribute("notice", w.patientName() + " is on the waiting list for an earlier "
                    + w.type().name().toLowerCase() + ". They are offered the next time that frees up.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("failure", "Not added: " + Labels.field(e.problems().get(0).field()) + " "
                    + e.problems().get(0).message() + ".");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/calendar/waiting";
    }

    @PostMapping("/calendar/waiting/{id}/remove")
    String leave(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            var w = waitingList.remove(me, id, reason);
            redirect.addFlashAttribute("notice", w.patientName() + " is off the waiting list.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("failure", "Not removed: say why.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/calendar/waiting";
    }
}

package org.venula.scheduling.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import org.venula.shared.FieldProblem;
import org.venula.shared.Paging;
import org.venula.shared.web.Form;
import org.venula.shared.web.FormOutcome;
import org.venula.scheduling.WaitingList;
import org.venula.scheduling.rules.PathwayRules.Status;
import org.venula.scheduling.rules.PathwayRules.Type;
import org.venula.scheduling.rules.PathwayRules.Window;
import org.venula.shared.InvalidInputException;
import org.venula.shared.Labels;
import org.venula.shared.NotFoundException;
import org.venula.shared.web.PageController;

/**
 * Pages for the front desk's diary work: one appointment to cancel, move, mark attended or missed (and, once freed,
 * offer to the waiting list); a practitioner's working hours and absences; the waiting list.
 */
@PageController
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
        FormOutcome.of(redirect, "Not marked").attempt(() -> "attended".equals(action)
                ? appointments.markAttended(me, id) : appointments.markNoShow(me, id),
                a -> "attended".equals(action) ? a.patientName() + " is marked as attended."
                        : a.patientName() + " is marked as not attending. The time is not offered again.");
        return "redirect:/appointments/" + id;
    }

    /** One of the usual reasons, or {@code OTHER} and the reason in words. */
    record CancelAppointmentForm(String reason, String otherReason) {
        String why() {
            return reason == null || "OTHER".equals(reason) ? otherReason : reason;
        }
    }

    @PostMapping("/appointments/{id}/cancel")
    String cancel(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @Form CancelAppointmentForm form, RedirectAttributes redirect) {
        FormOutcome.of(redirect, "Not cancelled").whenInvalid("say why (the patient called, the clinic moved it…)")
                .run(() -> appointments.cancel(me, id, form.why()), "Appointment cancelled. The time is free again.");
        return "redirect:/appointments/" + id;
    }

    /** The free slot chosen to move the appointment to. */
    record MoveAppointmentForm(LocalDateTime start) {
    }

    @PostMapping("/appointments/{id}/reschedule")
    String reschedule(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @Form MoveAppointmentForm form, RedirectAttributes redirect) {
        return FormOutcome.of(redirect, "Not moved").attempt(() -> bookings.reschedule(me, id, form.start(), null),
                moved -> "Moved to " + Labels.sentence(moved.start().getDayOfWeek().name()) + " "
                        + moved.start().toLocalDate() + " at " + moved.start().toLocalTime() + ".")
                .map(moved -> "redirect:/appointments/" + moved.id()).orElse("redirect:/appointments/" + id);
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

    /**
     * The week's form names its fields per day ({@code works.1}, {@code start.1}, {@code end.1} for Monday), so it
     * stays a map: a record of twenty-one components would be contrived. A time it cannot read is named ("hours").
     */
    @PostMapping("/practitioners/{id}/hours")
    String saveHours(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        practitioner(me, id);
        FormOutcome.of(redirect, "Not saved").whenInvalid(FieldProblem::message).run(() -> {
            Map<Integer, Window> week = new LinkedHashMap<>();
            for (int d = 1; d <= 7; d++) {
                if ("true".equals(form.get("works." + d))) {
                    week.put(d, new Window(time(form.get("start." + d)), time(form.get("end." + d))));
                }
            }
            availability.setHours(me, id, week);
        }, "Working hours saved. New bookings follow them; booked appointments stay as they are.");
        return "redirect:/practitioners/" + id + "/hours";
    }

    /** The first and last day away, both whole days. */
    record RecordAbsenceForm(LocalDate from, LocalDate until, String reason) {
        LocalDateTime startsAt() {
            return from == null ? null : from.atStartOfDay();
        }

        LocalDateTime endsAt() {
            return until == null ? null : until.plusDays(1).atStartOfDay();
        }

        String why() {
            return reason == null ? null : reason.trim();
        }
    }

    @PostMapping("/practitioners/{id}/absences")
    String addAbsence(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @Form RecordAbsenceForm form, RedirectAttributes redirect) {
        practitioner(me, id);
        // The facade checks who may record it before it checks the dates.
        FormOutcome.of(redirect, "Not recorded").whenInvalid(p -> "end".equals(p.field())
                ? "give the first and last day away, the last on or after the first" : p.message())
                .run(() -> availability.addAbsence(me, id, form.startsAt(), form.endsAt(), form.why()),
                        "Absence recorded: no new bookings from " + form.from() + " to " + form.until()
                                + ". Check the diary for appointments already booked then.");
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

    /** A patient asking for an earlier appointment of a kind, with any practitioner or one. */
    record JoinWaitingListForm(Long patientId, Type type, Long practitionerId, String note) {
        WaitingList.Join join() {
            return new WaitingList.Join(patientId, type, practitionerId, note);
        }
    }

    @PostMapping("/calendar/waiting")
    String join(@AuthenticationPrincipal VenulaPrincipal me, @Form JoinWaitingListForm form,
            RedirectAttributes redirect) {
        FormOutcome.of(redirect, "Not added").attempt(() -> waitingList.join(me, form.join()), w -> w.patientName()
                        + " is on the waiting list for an earlier " + w.type().name().toLowerCase()
                        + ". They are offered the next time that frees up.");
        return "redirect:/calendar/waiting";
    }

    record RemoveFromWaitingListForm(String reason) {
    }

    @PostMapping("/calendar/waiting/{id}/remove")
    String leave(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @Form RemoveFromWaitingListForm form, RedirectAttributes redirect) {
        FormOutcome.of(redirect, "Not removed").whenInvalid("say why")
                .attempt(() -> waitingList.remove(me, id, form.reason()), w -> w.patientName() + " is off the waiting list.");
        return "redirect:/calendar/waiting";
    }
}

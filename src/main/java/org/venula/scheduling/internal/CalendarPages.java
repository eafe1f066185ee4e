package org.venula.scheduling.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

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
import org.venula.patient.Patients;
import org.venula.scheduling.Appointment;
import org.venula.scheduling.Appointments;
import org.venula.scheduling.Availability;
import org.venula.scheduling.BookAppointment;
import org.venula.scheduling.Bookings;
import org.venula.scheduling.WaitingList;
import org.venula.scheduling.rules.PathwayRules.Rule;
import org.venula.scheduling.rules.PathwayRules.Type;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.Labels;
import org.venula.shared.RefusedException;
import org.venula.shared.web.Form;
import org.venula.shared.web.PageController;

/** Pages: a practitioner's day with its free slots, booking from a slot, and the chart's appointments panel. */
@PageController
class CalendarPages {

    private final Appointments appointments;
    private final Availability availability;
    private final Bookings bookings;
    private final Clinics clinics;
    private final Patients patients;
    private final WaitingList waitingList;

    CalendarPages(Appointments appointments, Availability availability, Bookings bookings, Clinics clinics,
            Patients patients, WaitingList waitingList) {
        this.availability = availability;
        this.bookings = bookings;
        this.waitingList = waitingList;
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
            model.addAttribute("slots", availability.slots(me, p.id(), t, day, day));
            model.addAttribute("length", availability.length(me, t));
        }
        return "scheduling/day";
    }

    /** One column of the week or clinic view: a practitioner's day with its appointments and free slots. */
    record Column(String title, LocalDate day, PractitionerView practitioner, List<Appointment> appointments,
            List<LocalDateTime> slots) {
    }

    @GetMapping("/calendar/week")
    String week(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam(required = false) Long practitionerId,
            @RequestParam(required = false) LocalDate date, @RequestParam(required = false) Type type,
            @RequestParam(required = false) Long patientId, Model model) {
        List<PractitionerView> practitioners = clinics.practitioners(me.clinicId());
        LocalDate day = date == null ? clinics.today(me.clinicId()) : date;
        LocalDate monday = day.minusDays(day.getDayOfWeek().getValue() - 1L);
        Type t = type == null ? Type.CONSULTATION : type;
        PractitionerView p = practitionerId == null
                ? clinics.practitionerOfUser(me.userId()).orElse(practitioners.isEmpty() ? null : practitioners.get(0))
                : practitioners.stream().filter(x -> x.id() == practitionerId).findFirst().orElse(null);
        List<Column> columns = new java.util.ArrayList<>();
        if (p != null) {
            List<Appointment> booked = appointments.forPractitioner(me, p.id(), monday, monday.plusDays(6));
            List<LocalDateTime> free = availability.slots(me, p.id(), t, monday, monday.plusDays(6));
            for (int i = 0; i < 7; i++) {
                LocalDate d = monday.plusDays(i);
                List<Appointment> on = booked.stream().filter(a -> a.start().toLocalDate().equals(d)).toList();
                List<LocalDateTime> slots = free.stream().filter(x -> x.toLocalDate().equals(d)).toList();
                if (i < 5 || !on.isEmpty() || !slots.isEmpty()) {
                    columns.add(new Column(java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.UK)
                            .format(d), d, p, on, slots));
                }
            }
        }
        fillColumns(me, model, practitioners, p, monday, t, patientId, columns, "week");
        model.addAttribute("previous", monday.minusWeeks(1));
        model.addAttribute("next", monday.plusWeeks(1));
        model.addAttribute("heading", p == null ? "Week" : p.displayName() + ", week of "
                + java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK).format(monday));
        return "scheduling/columns";
    }

    @GetMapping("/calendar/clinic")
    String clinic(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam(required = false) LocalDate date,
            @RequestParam(required = false) Type type, @RequestParam(required = false) Long patientId, Model model) {
        List<PractitionerView> practitioners = clinics.practitioners(me.clinicId());
        LocalDate day = date == null ? clinics.today(me.clinicId()) : date;
        Type t = type == null ? Type.CONSULTATION : type;
        java.util.Map<Long, List<LocalDateTime>> free = availability.slotsOf(me, practitioners, t, day, day);
        List<Column> columns = practitioners.stream().map(p -> new Column(p.displayName(), day, p,
                appointments.forPractitioner(me, p.id(), day, day), free.getOrDefault(p.id(), List.of())))
                .toList();
        fillColumns(me, model, practitioners, null, day, t, patientId, columns, "clinic");
        model.addAttribute("previous", day.minusDays(1));
        model.addAttribute("next", day.plusDays(1));
        model.addAttribute("heading", "Whole clinic, " + java.time.format.DateTimeFormatter
                .ofPattern("EEEE d MMMM yyyy", java.util.Locale.UK).format(day));
        return "scheduling/columns";
    }

    /** A day of the whole clinic's week: every appointment, and each practitioner's free slots for the type. */
    record ClinicDay(LocalDate day, String title, List<Appointment> appointments, List<Free> free) {
    }

    record Free(PractitionerView practitioner, int slots) {
    }

    @GetMapping("/calendar/clinic-week")
    String clinicWeek(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam(required = false) LocalDate date,
            @RequestParam(required = false) Type type, @RequestParam(required = false) Long patientId, Model model) {
        List<PractitionerView> practitioners = clinics.practitioners(me.clinicId());
        LocalDate day = date == null ? clinics.today(me.clinicId()) : date;
        LocalDate monday = day.minusDays(day.getDayOfWeek().getValue() - 1L);
        Type t = type == null ? Type.CONSULTATION : type;
        java.util.Map<Long, List<Appointment>> booked = new java.util.HashMap<>();
        java.util.Map<Long, List<LocalDateTime>> free = availability.slotsOf(me, practitioners, t, monday,
                monday.plusDays(6));
        for (PractitionerView p : practitioners) {
            booked.put(p.id(), appointments.forPractitioner(me, p.id(), monday, monday.plusDays(6)));
        }
        List<ClinicDay> days = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate d = monday.plusDays(i);
            List<Appointment> on = booked.values().stream().flatMap(List::stream)
                    .filter(a -> a.start().toLocalDate().equals(d))
                    .sorted(java.util.Comparator.comparing(Appointment::start)).toList();
            List<Free> slots = practitioners.stream().map(p -> new Free(p, (int) free.get(p.id()).stream()
                    .filter(x -> x.toLocalDate().equals(d)).count())).toList();
            if (i < 5 || !on.isEmpty() || slots.stream().anyMatch(f -> f.slots() > 0)) {
                days.add(new ClinicDay(d, java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.UK)
                        .format(d), on, slots));
            }
        }
        fillColumns(me, model, practitioners, null, monday, t, patientId, List.of(), "clinic-week");
        model.addAttribute("days", days);
        model.addAttribute("previous", monday.minusWeeks(1));
        model.addAttribute("next", monday.plusWeeks(1));
        model.addAttribute("heading", "Whole clinic, week of " + java.time.format.DateTimeFormatter
                .ofPattern("d MMMM yyyy", java.util.Locale.UK).format(monday));
        return "scheduling/clinic-week";
    }

    private void fillColumns(VenulaPrincipal me, Model model, List<PractitionerView> practitioners,
            PractitionerView practitioner, LocalDate day, Type type, Long patientId, List<Column> columns, String view) {
        model.addAttribute("practitioners", practitioners);
        model.addAttribute("practitioner", practitioner);
        model.addAttribute("day", day);
        model.addAttribute("type", type);
        model.addAttribute("types", Type.values());
        model.addAttribute("patientId", patientId);
        if (patientId != null) {
            model.addAttribute("forPatient", patients.get(me, patientId));
        }
        model.addAttribute("columns", columns);
        model.addAttribute("view", view);
        model.addAttribute("length", availability.length(me, type));
    }

    @GetMapping("/calendar/book")
    String bookForm(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam long practitionerId,
            @RequestParam LocalDateTime start, @RequestParam Type type, @RequestParam(required = false) Long patientId,
            @RequestParam(required = false) String query, @RequestParam(required = false) Long waitingId,
            Model model) {
        model.addAttribute("waitingId", waitingId);
        model.addAttribute("practitioner", clinics.practitioner(me.clinicId(), practitionerId)
                .orElseThrow(() -> new org.venula.shared.NotFoundException("Practitioner " + practitionerId)));
        model.addAttribute("start", start);
        model.addAttribute("type", type);
        model.addAttribute("length", availability.length(me, type));
        model.addAttribute("query", query == null ? "" : query);
        model.addAttribute("rules", Rule.values());
        if (patientId != null) {
            model.addAttribute("patient", patients.get(me, patientId));
        } else if (query != null && !query.isBlank()) {
            model.addAttribute("matches", patients.search(me, query.trim(), 0, 10).items());
        }
        return "scheduling/book";
    }

    /**
     * A free slot booked for a patient, perhaps overriding a pathway rule with a reason, perhaps for a place on the
     * waiting list.
     */
    record BookSlotForm(Long patientId, Long practitionerId, LocalDateTime start, Type type, Rule overrideRule,
            String overrideReason, Long waitingId) {
        BookAppointment request() {
            return new BookAppointment(patientId, practitionerId, type, start,
                    overrideRule == null ? null : new BookAppointment.Override(overrideRule, overrideReason));
        }
    }

    @PostMapping("/calendar/book")
    String book(@AuthenticationPrincipal VenulaPrincipal me, @Form BookSlotForm form, RedirectAttributes redirect) {
        try {
            Appointment a = form.waitingId() == null ? bookings.book(me, form.request())
                    : waitingList.book(me, form.waitingId(), form.request());
            redirect.addFlashAttribute("notice", Labels.sentence(form.type().name()) + " booked for "
                    + a.start().toLocalDate() + " at " + a.start().toLocalTime() + " with " + a.practitionerName() + ".");
            return "redirect:/patients/" + a.patientId();
        } catch (RefusedException e) {
            // Reception reads the reason in plain words; the rule's code stays in the API's answer.
            Object messages = e.refusal().facts().get("messages");
            redirect.addFlashAttribute("bookError", messages instanceof List<?> list && !list.isEmpty()
                    ? String.join(" ", list.stream().map(String::valueOf).toList()) : e.getMessage());
            redirect.addFlashAttribute("bookRules", e.refusal().facts().get("rules"));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("bookError", e.getMessage());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("bookError", Labels.field(e.problems().get(0).field()) + " "
                    + e.problems().get(0).message() + ".");
        }
        if (form.waitingId() != null) {
            redirect.addAttribute("waitingId", form.waitingId());
        }
        redirect.addAttribute("practitionerId", form.practitionerId()); // a null value is left out of the address
        redirect.addAttribute("start", form.start());
        redirect.addAttribute("type", form.type());
        if (form.patientId() != null) {
            redirect.addAttribute("patientId", form.patientId());
        }
        return "redirect:/calendar/book";
    }

    @GetMapping("/patients/{id}/appointments/summary")
    String summary(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, Model model) {
        model.addAttribute("patientId", id);
        List<Appointment> all = appointments.forPatient(me, id);
        model.addAttribute("appointments", all);
        model.addAttribute("noShows", all.stream().filter(a -> a.status() == org.venula.scheduling.rules.PathwayRules
                .Status.NO_SHOW).count());
        model.addAttribute("waiting", waitingList.forPatient(me, id).stream()
                .filter(w -> "WAITING".equals(w.status())).toList());
        return "scheduling/summary :: panel";
    }
}

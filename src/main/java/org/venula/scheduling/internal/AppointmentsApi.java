package org.venula.scheduling.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.venula.clinic.VenulaPrincipal;
import org.venula.scheduling.Appointment;
import org.venula.scheduling.Appointments;
import org.venula.scheduling.Availability;
import org.venula.scheduling.BookAppointment;
import org.venula.scheduling.Bookings;
import org.venula.scheduling.rules.PathwayRules.Type;
import org.venula.scheduling.rules.PathwayRules.Window;
import org.venula.shared.InputLimits;
import org.venula.shared.InvalidInputException;
import org.venula.shared.web.CreatedResponses;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Appointments and calendars")
class AppointmentsApi {

    private final Appointments appointments;
    private final Availability availability;
    private final Bookings bookings;

    AppointmentsApi(Appointments appointments, Availability availability, Bookings bookings) {
        this.availability = availability;
        this.bookings = bookings;
        this.appointments = appointments;
    }

    record CancelRequest(String reason) {
    }

    record RescheduleRequest(LocalDateTime start, BookAppointment.Override override) {
    }

    record Slot(@JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime start,
            @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime end) {
    }

    record HoursEntry(Integer weekday, LocalTime start, LocalTime end) {
    }

    record AbsenceRequest(LocalDateTime start, LocalDateTime end, String reason) {
    }

    @PostMapping("/api/appointments")
    @Operation(summary = "Book an appointment",
            description = "409 (type …/slot-unavailable) when the practitioner is taken; 422 (type …/pathway-rule) "
                    + "with `rule` and `rules` when a pathway rule is broken. A clinician may pass "
                    + "`override: {rule, reason}` for one pathway rule.")
    ResponseEntity<Appointment> book(@AuthenticationPrincipal VenulaPrincipal me,
            @RequestBody BookAppointment body) {
        return CreatedResponses.of(bookings.book(me, body), a -> "/api/appointments/" + a.id());
    }

    @GetMapping("/api/appointments/{id}")
    Appointment get(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return appointments.get(me, id);
    }

    @PostMapping("/api/appointments/{id}/cancel")
    @Operation(summary = "Cancel with a reason; the appointment is kept, marked cancelled")
    Appointment cancel(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestBody(required = false) CancelRequest request) {
        return appointments.cancel(me, id, request == null ? null : request.reason());
    }

    @PostMapping("/api/appointments/{id}/reschedule")
    @Operation(summary = "Move to a new start (same rules); the old appointment is cancelled and linked")
    ResponseEntity<Appointment> reschedule(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestBody RescheduleRequest r) {
        return CreatedResponses.of(bookings.reschedule(me, id, r.start(), r.override()),
                a -> "/api/appointments/" + a.id());
    }

    @PostMapping("/api/appointments/{id}/attended")
    Appointment attended(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return appointments.markAttended(me, id);
    }

    @PostMapping("/api/appointments/{id}/no-show")
    Appointment noShow(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return appointments.markNoShow(me, id);
    }

    @GetMapping("/api/slots")
    @Operation(summary = "Free start times for a practitioner and appointment type between two dates (inclusive)")
    List<Slot> slots(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam long practitionerId,
            @RequestParam Type type, @RequestParam String from, @RequestParam String to) {
        int length = availability.length(me, type);
        return availability.slots(me, practitionerId, type, date(from), date(to)).stream()
                .map(s -> new Slot(s, s.plusMinutes(length))).toList();
    }

    @GetMapping("/api/patients/{id}/appointments")
    List<Appointment> forPatient(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return appointments.forPatient(me, id);
    }

    @GetMapping("/api/practitioners/{id}/appointments")
    List<Appointment> forPractitioner(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam String from, @RequestParam String to) {
        return appointments.forPractitioner(me, id, date(from), date(to));
    }

    @PutMapping("/api/practitioners/{id}/hours")
    @Operation(summary = "Replace the weekly working hours: [{weekday 1-7, start, end}] (admin or the practitioner)")
    Map<Integer, List<Window>> hours(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestBody List<HoursEntry> week) {
        Map<Integer, Window> map = new LinkedHashMap<>();
        week.forEach(e -> map.put(e.weekday(), new Window(e.start(), e.end())));
        return availability.setHours(me, id, map);
    }

    @PostMapping("/api/practitioners/{id}/absences")
    @Operation(summary = "Record an absence (local date-times)")
    ResponseEntity<Void> absence(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestBody AbsenceRequest request) {
        availability.addAbsence(me, id, request.start(), request.end(), request.reason());
        return ResponseEntity.status(201).build();
    }

    /** Accepts a date (2026-12-01) or a date-time (2026-12-01T09:00), of which the date is used. */
    private static LocalDate date(String value) {
        try {
            if (value.length() <= 10) {
                return InputLimits.date(value);
            }
            LocalDateTime at = LocalDateTime.parse(value.trim());
            if (InputLimits.dateProblem(at) != null) {
                throw new InvalidInputException("from/to", InputLimits.DATE_RANGE);
            }
            return at.toLocalDate();
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("from/to", "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }
}

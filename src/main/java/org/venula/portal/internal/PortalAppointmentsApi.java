package org.venula.portal.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.venula.clinic.Clinics;
import org.venula.scheduling.Appointment;
import org.venula.scheduling.PortalBookings;
import org.venula.scheduling.rules.PathwayRules.Type;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The signed-in patient's appointments: free times, booking under the pathway rules, cancelling in good time. */
@RestController
@Tag(name = "Portal")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PortalAppointmentsApi {

    private final PortalBookings bookings;
    private final Clinics clinics;

    /** A booking the patient asks for; the practitioner is optional (the first one free then). */
    record Book(Type type, @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime start,
            Long practitionerId) {
    }

    @GetMapping("/api/portal/slots")
    @Operation(summary = "Free times for a kind of appointment (default: the next 14 days)",
            description = "422 `…/not-bookable-online` when the clinic's protocol does not let patients book it.")
    List<PortalBookings.Slot> slots(@AuthenticationPrincipal PortalPatient me, @RequestParam(required = false) Type type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate start = from != null ? from : clinics.today(me.clinicId());
        return bookings.slots(me.clinicId(), type, start, to != null ? to : start.plusDays(13));
    }

    @GetMapping("/api/portal/appointments")
    @Operation(summary = "The patient's own appointments, newest first, with whether each can still be changed online")
    List<PortalBookings.Mine> mine(@AuthenticationPrincipal PortalPatient me) {
        return bookings.mine(me.clinicId(), me.patientId());
    }

    @PostMapping("/api/portal/appointments")
    @Operation(summary = "Book for yourself {type, start, practitionerId?}",
            description = "Every pathway rule applies as for staff: 422 `…/pathway-rule` with `patientMessage` in plain "
                    + "words (a treatment before the consultation, say); 409 when the time was taken meanwhile.")
    ResponseEntity<Appointment> book(@AuthenticationPrincipal PortalPatient me, @RequestBody Book body) {
        Appointment booked = bookings.book(me.clinicId(), me.patientId(), body == null ? null : body.type(),
                body == null ? null : body.start(), body == null ? null : body.practitionerId());
        return ResponseEntity.status(HttpStatus.CREATED).body(booked);
    }

    /** The new time for one of the patient's appointments; the practitioner is optional (the first one free then). */
    record Move(@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime start, Long practitionerId) {
    }

    @PostMapping("/api/portal/appointments/{id}/reschedule")
    @Operation(summary = "Move one of your appointments to another time {start, practitionerId?}",
            description = "Up to the clinic's notice period before it (422 `…/notice-period` after that). The old "
                    + "appointment is cancelled as moved and the new one (201) is linked to it; every pathway rule "
                    + "applies as for a booking, and a refusal leaves the old appointment booked.")
    ResponseEntity<Appointment> reschedule(@AuthenticationPrincipal PortalPatient me, @PathVariable long id,
            @RequestBody Move body) {
        Appointment moved = bookings.reschedule(me.clinicId(), me.patientId(), id, body == null ? null : body.start(),
                body == null ? null : body.practitionerId());
        return ResponseEntity.status(HttpStatus.CREATED).body(moved);
    }

    @PostMapping("/api/portal/appointments/{id}/cancel")
    @Operation(summary = "Cancel one of your appointments, up to the clinic's notice period before it",
            description = "422 `…/notice-period` with the clinic's phone when it is too late to do it online.")
    PortalBookings.Mine cancel(@AuthenticationPrincipal PortalPatient me, @PathVariable long id) {
        return bookings.cancel(me.clinicId(), me.patientId(), id);
    }
}

package org.venula.portal.internal;

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
import org.venula.clinic.ClinicDetails;
import org.venula.clinic.Clinics;
import org.venula.scheduling.PortalBookings;
import org.venula.scheduling.rules.PathwayRules.Type;
import org.venula.shared.InvalidInputException;
import org.venula.shared.RefusedException;
import org.venula.shared.web.FormOutcome;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The patient's appointments in the portal: what is booked, free times to book, and moving or cancelling in good
 * time.
 */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PortalAppointmentsPages {

    private static final int DAYS_SHOWN = 7;
    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter.ofPattern(
            "EEEE d MMMM 'at' HH:mm", java.util.Locale.UK);

    private final PortalBookings bookings;
    private final Clinics clinics;
    private final ClinicDetails details;

    @GetMapping("/portal/appointments")
    String page(@AuthenticationPrincipal PortalPatient me, @RequestParam(name = "type", required = false) Type asked,
            @RequestParam(required = false) String from, @RequestParam(required = false) Long move, Model model) {
        List<PortalBookings.Mine> mine = bookings.mine(me.clinicId(), me.patientId());
        PortalBookings.Mine moving = move == null ? null : mine.stream()
                .filter(m -> m.id() == move && m.movableOnline()).findFirst().orElse(null);
        if (move != null && moving == null && !model.containsAttribute("failure")) {
            // a refused move comes back here with its own reason (and the clinic's phone): keep that
            model.addAttribute("failure", "That appointment can no longer be moved online: please "
                    + (details.current(me.clinicId()).phone() != null ? "call the clinic on "
                    + details.current(me.clinicId()).phone() : "contact the clinic") + ".");
        }
        Type type = moving != null ? moving.type() : asked;
        LocalDate today = clinics.today(me.clinicId());
        LocalDate start = today;
        try {
            start = from == null || from.isBlank() ? today : LocalDate.parse(from);
        } catch (java.time.format.DateTimeParseException e) {
            model.addAttribute("failure", "That date could not be read; showing times from today.");
        }
        if (start.isBefore(today)) {
            start = today;
        }
        var settings = bookings.settings(me.clinicId());
        List<Type> types = java.util.stream.Stream.of(Type.CONSULTATION, Type.TREATMENT, Type.REVIEW)
                .filter(t -> t == Type.CONSULTATION ? settings.consultations() : t == Type.TREATMENT
                        ? settings.treatments() : settings.reviews()).toList();
        model.addAttribute("types", types);
        model.addAttribute("type", type);
        model.addAttribute("moving", moving);
        model.addAttribute("from", start);
        model.addAttribute("noticeHours", settings.noticeHours());
        if (type != null) {
            try {
                List<PortalBookings.Slot> slots = bookings.slots(me.clinicId(), type, start,
                        start.plusDays(DAYS_SHOWN - 1));
                java.util.Map<LocalDate, List<PortalBookings.Slot>> byDay = new java.util.LinkedHashMap<>();
                slots.forEach(x -> byDay.computeIfAbsent(x.start().toLocalDate(), d -> new java.util.ArrayList<>())
                        .add(x));
                model.addAttribute("slotDays", byDay);
            } catch (RefusedException | InvalidInputException e) {
                model.addAttribute("failure", e.getMessage());
            }
        }
        model.addAttribute("appointments", mine);
        PortalPageFrame.fill(model, details, me.clinicId());
        return "portal/appointments";
    }

    @PostMapping("/portal/appointments")
    String book(@AuthenticationPrincipal PortalPatient me, @RequestParam(required = false) Type type,
            @RequestParam(required = false) String start, @RequestParam(required = false) Long practitionerId,
            RedirectAttributes redirect) {
        LocalDateTime when = localDateTime(start);
        boolean booked = FormOutcome.of(redirect, "Not booked").whenInvalid(p -> p.message())
                .attempt(() -> bookings.book(me.clinicId(), me.patientId(), type, when, practitionerId),
                        a -> "Booked: your " + a.type().name().toLowerCase(java.util.Locale.ROOT) + " on "
                                + WHEN.format(a.start()) + " with " + a.practitionerName()
                                + ". We will send you a reminder.").isPresent();
        return booked || type == null ? "redirect:/portal/appointments"
                : "redirect:/portal/appointments?type=" + type + (when == null ? "" : "&from=" + when.toLocalDate());
    }

    @PostMapping("/portal/appointments/{id}/move")
    String move(@AuthenticationPrincipal PortalPatient me, @PathVariable long id,
            @RequestParam(required = false) String start, @RequestParam(required = false) Long practitionerId,
            RedirectAttributes redirect) {
        LocalDateTime when = localDateTime(start);
        boolean moved = FormOutcome.of(redirect, "Not moved").whenInvalid(p -> p.message())
                .attempt(() -> bookings.reschedule(me.clinicId(), me.patientId(), id, when, practitionerId),
                        a -> "Moved: your " + a.type().name().toLowerCase(java.util.Locale.ROOT) + " is now on "
                                + WHEN.format(a.start()) + " with " + a.practitionerName()
                                + ". We will send you a reminder.").isPresent();
        return moved ? "redirect:/portal/appointments" : "redirect:/portal/appointments?move=" + id
                + (when == null ? "" : "&from=" + when.toLocalDate());
    }

    @PostMapping("/portal/appointments/{id}/cancel")
    String cancel(@AuthenticationPrincipal PortalPatient me, @PathVariable long id, RedirectAttributes redirect) {
        FormOutcome.of(redirect, "Not cancelled").attempt(() -> bookings.cancel(me.clinicId(), me.patientId(), id),
                m -> "Cancelled. Thank you for letting us know in good time.");
        return "redirect:/portal/appointments";
    }

    /** A time from a form (as the slot buttons send it); null when missing or unreadable, which the booking names. */
    private static LocalDateTime localDateTime(String value) {
        try {
            return value == null ? null : LocalDateTime.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}

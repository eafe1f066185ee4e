package org.venula.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import com.fasterxml.jackson.annotation.JsonFormat;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.clinic.ClinicDetails;
import org.venula.clinic.Clinics;
import org.venula.clinic.PractitionerView;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.Protocols;
import org.venula.scheduling.internal.AppointmentStore;
import org.venula.scheduling.rules.PathwayRuleBroken;
import org.venula.scheduling.rules.PathwayRules.Status;
import org.venula.scheduling.rules.PathwayRules.Type;
import org.venula.scheduling.rules.PatientBookingRefusal;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;
import org.venula.shared.RefusedException;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * What a patient books for themselves in the portal: free times, a booking under every pathway rule a staff booking
 * meets (with the refusal in the patient's words), their own appointments, and a cancellation or a move to another
 * time while the protocol's notice period allows it (later, the page gives the clinic's phone). Which kinds of
 * appointment patients may book is the protocol's; a patient never has a clinician's powers (no override, no past
 * visit).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PortalBookings {

    private static final int MAX_DAYS = 14;

    private final Bookings bookings;
    private final Availability availability;
    private final AppointmentStore store;
    private final Reminders reminders;
    private final Clinics clinics;
    private final ClinicDetails details;
    private final Protocols protocols;
    private final AccessLog accessLog;
    private final Clock clock;

    /** A free time, with the practitioner it is with. */
    public record Slot(@JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime start,
            long practitionerId, String practitionerName) {
    }

    /**
     * One of the patient's own appointments, as the portal shows it: whether they may still cancel it online
     * ({@code changeableOnline}, until {@code changeableUntil}) and move it ({@code movableOnline}: also a kind the
     * protocol lets patients book), and whether it was cancelled by moving it ({@code moved}).
     */
    public record Mine(long id, Type type,
            @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime start,
            @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime end,
            Status status, String practitionerName, boolean changeableOnline,
            @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime changeableUntil, boolean movableOnline,
            boolean moved) {
    }

    /** Which kinds of appointment the clinic lets patients book online, and the notice to change one. */
    public ProtocolDocument.PortalBooking settings(long clinicId) {
        return protocols.active(clinicId).document().portalBooking();
    }

    /** The free times for this kind of appointment from {@code from} to {@code to} (at most 14 days), earliest first. */
    public List<Slot> slots(long clinicId, Type type, LocalDate from, LocalDate to) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldProblem.required(problems, "type", type, "is required: CONSULTATION, TREATMENT or REVIEW");
        FieldProblem.required(problems, "from", from, "is required, as a date such as 2026-12-01");
        FieldProblem.required(problems, "to", to, "is required, as a date such as 2026-12-08");
        if (from != null && to != null && (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to))) {
            problems.add(new FieldProblem("to", "must be on or after from, and within " + MAX_DAYS + " days of it"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        allowed(clinicId, type);
        LocalDate today = clinics.today(clinicId);
        LocalDate start = from.isBefore(today) ? today : from;
        if (to.isBefore(start)) {
            return List.of();
        }
        List<PractitionerView> practitioners = clinics.practitioners(clinicId);
        Map<Long, List<LocalDateTime>> free = availability.slotsOf(clinicId,
                practitioners.stream().map(PractitionerView::id).toList(), type, start, to);
        Map<LocalDateTime, Slot> first = new TreeMap<>();
        for (PractitionerView p : practitioners) {
            for (LocalDateTime t : free.getOrDefault(p.id(), List.of())) {
                first.putIfAbsent(t, new Slot(t, p.id(), p.displayName()));
            }
        }
        return List.copyOf(first.values());
    }

    /**
     * Books for the patient, under every pathway rule. Without a practitioner, the first one free at that time.
     * Refused in the patient's words ({@link PatientBookingRefusal}); a time taken meanwhile is a 409.
     */
    @Transactional
    public Appointment book(long clinicId, long patientId, Type type, LocalDateTime start, Long practitionerId) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldProblem.required(problems, "type", type, "is required: CONSULTATION, TREATMENT or REVIEW");
        FieldProblem.required(problems, "start", start, "is required, as a local date-time such as 2026-12-01T10:00");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        allowed(clinicId, type);
        long practitioner = practitionerId != null ? practitionerId : firstFreeAt(clinicId, type, start);
        return inPatientWords(clinicId, () -> bookings.book(bookings.patientSelf(clinicId, patientId),
                new BookAppointment(patientId, practitioner, type, start, null), null));
    }

    /**
     * Moves one of the patient's own appointments to a new time (the same kind of appointment), while the notice
     * period allows, under every rule a new booking meets; without a practitioner, the first one free then. The old
     * appointment is cancelled as "Moved to …" and the new one linked to it, as when staff move it; a refusal leaves
     * the old one booked.
     */
    @Transactional
    public Appointment reschedule(long clinicId, long patientId, long appointmentId, LocalDateTime start,
            Long practitionerId) {
        Appointment old = changeable(clinicId, patientId, appointmentId);
        if (start == null) {
            throw new InvalidInputException("start", "is required, as a local date-time such as 2026-12-01T10:00");
        }
        allowed(clinicId, old.type());
        long practitioner = practitionerId != null ? practitionerId : firstFreeAt(clinicId, old.type(), start);
        Appointment moved = inPatientWords(clinicId, () -> bookings.reschedule(bookings.patientSelf(clinicId,
                patientId), old, start, practitioner, null));
        accessLog.recordByPortalPatient(clinicId, patientId, AccessAction.CHANGE_APPOINTMENT, "appointment "
                + old.id() + " moved online to appointment " + moved.id());
        return moved;
    }

    private long firstFreeAt(long clinicId, Type type, LocalDateTime start) {
        return slots(clinicId, type, start.toLocalDate(), start.toLocalDate()).stream()
                .filter(s -> s.start().equals(start)).findFirst().map(Slot::practitionerId)
                .orElseThrow(() -> new ConflictException("slot-unavailable", "start",
                        "That time is no longer free. Please choose another."));
    }

    /** A booking's pathway-rule refusal in the patient's words, with the clinic's phone. */
    private Appointment inPatientWords(long clinicId, java.util.function.Supplier<Appointment> booking) {
        try {
            return booking.get();
        } catch (RefusedException e) {
            if (e.refusal() instanceof PathwayRuleBroken broken) {
                throw new RefusedException(PatientBookingRefusal.of(broken, phone(clinicId)));
            }
            throw e;
        }
    }

    /** The patient's own appointments, newest first (logged as their own view). */
    @Transactional
    public List<Mine> mine(long clinicId, long patientId) {
        ZoneId zone = clinics.clinic(clinicId).zone();
        ProtocolDocument.PortalBooking settings = settings(clinicId);
        int notice = settings.noticeHours();
        accessLog.recordByPortalPatient(clinicId, patientId, AccessAction.VIEW_APPOINTMENT, "own appointments");
        return store.forPatient(clinicId, patientId, zone).stream()
                .sorted(Comparator.comparing(Appointment::start).reversed())
                .map(a -> {
                    LocalDateTime until = a.start().minusHours(notice);
                    boolean changeable = a.status() == Status.BOOKED
                            && ZonedDateTime.of(until, zone).toInstant().isAfter(clock.instant());
                    return new Mine(a.id(), a.type(), a.start(), a.end(), a.status(), a.practitionerName(),
                            changeable, a.status() == Status.BOOKED ? until : null,
                            changeable && bookableOnline(settings, a.type()),
                            a.status() == Status.CANCELLED && a.cancelReason() != null
                                    && a.cancelReason().startsWith(Bookings.MOVED_TO));
                }).toList();
    }

    /** Cancels one of the patient's own appointments, while the notice period allows; later, they call. */
    @Transactional
    public Mine cancel(long clinicId, long patientId, long appointmentId) {
        Appointment a = changeable(clinicId, patientId, appointmentId);
        if (!store.setStatus(a.id(), Status.BOOKED, Status.CANCELLED, "Cancelled by the patient online",
                clock.instant(), AccessLog.PORTAL_ACTOR)) {
            throw new ConflictException("not-booked", null, "The appointment changed meanwhile; reload the page.");
        }
        reminders.cancel(a.id());
        accessLog.recordByPortalPatient(clinicId, patientId, AccessAction.CHANGE_APPOINTMENT, "appointment "
                + a.id() + " cancelled online");
        return mine(clinicId, patientId).stream().filter(m -> m.id() == a.id()).findFirst().orElseThrow();
    }

    /** The patient's own booked appointment, while the notice period still lets them change it online. */
    private Appointment changeable(long clinicId, long patientId, long appointmentId) {
        ZoneId zone = clinics.clinic(clinicId).zone();
        Appointment a = store.find(clinicId, appointmentId, zone).filter(x -> x.patientId() == patientId)
                .orElseThrow(() -> new NotFoundException("Appointment " + appointmentId));
        if (a.status() != Status.BOOKED) {
            boolean moved = a.cancelReason() != null && a.cancelReason().startsWith(Bookings.MOVED_TO);
            throw new ConflictException("not-booked", null, moved ? "This appointment was already moved: see its new "
                    + "time in your appointments." : "This appointment is already "
                    + a.status().name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        int notice = settings(clinicId).noticeHours();
        if (!ZonedDateTime.of(a.start(), zone).toInstant().minus(Duration.ofHours(notice)).isAfter(clock.instant())) {
            throw new RefusedException(PatientBookingRefusal.tooLate(notice, phone(clinicId)));
        }
        return a;
    }

    private static boolean bookableOnline(ProtocolDocument.PortalBooking s, Type type) {
        return switch (type) {
            case CONSULTATION -> s.consultations();
            case TREATMENT -> s.treatments();
            case REVIEW -> s.reviews();
        };
    }

    private void allowed(long clinicId, Type type) {
        if (!bookableOnline(settings(clinicId), type)) {
            throw new RefusedException(PatientBookingRefusal.notOnline(type.name().toLowerCase(java.util.Locale.ROOT)
                    + "s", phone(clinicId)));
        }
    }

    private String phone(long clinicId) {
        return details.current(clinicId).phone();
    }
}

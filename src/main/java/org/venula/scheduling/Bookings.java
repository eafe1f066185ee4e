package org.venula.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.clinic.ClinicInfo;
import org.venula.clinic.Clinics;
import org.venula.clinic.PractitionerView;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.Patients;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.Protocols;
import org.venula.scheduling.internal.AppointmentStore;
import org.venula.scheduling.rules.PathwayRuleBroken;
import org.venula.scheduling.rules.PathwayRules;
import org.venula.scheduling.rules.PathwayRules.Broken;
import org.venula.scheduling.rules.PathwayRules.Status;
import org.venula.scheduling.rules.PathwayRules.Type;
import org.venula.screening.Screenings;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;
import org.venula.shared.RefusedException;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Booking: an appointment on a practitioner's calendar, or a move of one to a new time, under the pathway rules (a
 * clinician may override one, with the reason). Times in and out are local date-times in the clinic's time zone.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Bookings {

    private final AppointmentStore store;
    private final Patients patients;
    private final Clinics clinics;
    private final Screenings screenings;
    private final Protocols protocols;
    private final AccessLog accessLog;
    private final Reminders reminders;
    private final Availability availability;
    private final Clock clock;

    /** How the cancellation of a moved appointment reads, before the new time. */
    static final String MOVED_TO = "Moved to ";

    /**
     * Who books: a member of staff, or the patient in the portal. It names the clinic and the creator, says whether
     * a clinician's powers (an override, a past visit) are theirs, opens the patient's record and logs the booking.
     */
    interface Booker {
        long clinicId();

        String username();

        boolean clinical();

        org.venula.patient.PatientRecord patient(long patientId);

        void log(long patientId, AccessAction action, String detail);
    }

    private Booker staff(VenulaPrincipal me) {
        return new Booker() {
            public long clinicId() {
                return me.clinicId();
            }

            public String username() {
                return me.getUsername();
            }

            public boolean clinical() {
                return me.seesClinicalRecord();
            }

            public org.venula.patient.PatientRecord patient(long patientId) {
                return patients.get(me, patientId);
            }

            public void log(long patientId, AccessAction action, String detail) {
                accessLog.record(me.clinicId(), patientId, action, detail);
            }
        };
    }

    /** The patient signed in to the portal, booking for themselves (never with a clinician's powers). */
    Booker patientSelf(long clinicId, long patientId) {
        return new Booker() {
            public long clinicId() {
                return clinicId;
            }

            public String username() {
                return AccessLog.PORTAL_ACTOR;
            }

            public boolean clinical() {
                return false;
            }

            public org.venula.patient.PatientRecord patient(long id) {
                if (id != patientId) {
                    throw new NotFoundException("Patient " + id);
                }
                return patients.ownRecord(clinicId, patientId);
            }

            public void log(long id, AccessAction action, String detail) {
                accessLog.recordByPortalPatient(clinicId, id, action, detail);
            }
        };
    }

    @Transactional
    public Appointment book(VenulaPrincipal me, BookAppointment r) {
        return book(staff(me), r, null);
    }

    Appointment book(Booker me, BookAppointment r, Long rescheduledFrom) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldProblem.required(problems, "patientId", r.patientId(), "is required");
        FieldProblem.required(problems, "practitionerId", r.practitionerId(), "is required");
        FieldProblem.required(problems, "type", r.type(), "is required: CONSULTATION, TREATMENT or REVIEW");
        FieldProblem.required(problems, "start", r.start(),
                "is required, as a local date-time such as 2026-12-01T10:00");
        if (r.override() != null && (r.override().rule() == null || r.override().reason() == null
                || r.override().reason().isBlank())) {
            problems.add(new FieldProblem("override", "needs both the rule and the reason"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (r.override() != null && !me.clinical()) {
            throw new AccessDeniedException("Only clinicians override a pathway rule");
        }
        org.venula.patient.PatientRecord patient = me.patient(r.patientId());
        PractitionerView practitioner = clinics.practitioner(me.clinicId(), r.practitionerId())
                .orElseThrow(() -> new InvalidInputException("practitionerId", "is not a practitioner of this clinic"));
        ClinicInfo clinic = clinics.clinic(me.clinicId());
        ZoneId zone = clinic.zone();
        ZonedDateTime start = ZonedDateTime.of(r.start(), zone);
        if (!start.toLocalDateTime().equals(r.start())) {
            throw new InvalidInputException("start", "does not exist on that day: the clocks go forward then");
        }
        boolean past = !start.toInstant().isAfter(clock.instant());
        if (r.recordsPastVisit()) {
            if (!me.clinical()) {
                throw new AccessDeniedException("Only clinicians record a past visit");
            }
            if (!past) {
                throw new InvalidInputException("pastVisit", "is only for a visit that has already happened; "
                        + "book a future time without it");
            }
            if (rescheduledFrom != null) {
                throw new InvalidInputException("start", "is in the past: an appointment can only move to a future time");
            }
        } else if (past) {
            throw new InvalidInputException("start", "is in the past (" + r.start() + "): choose a future time, or, "
                    + "for a visit that already happened, a clinician records it as a past visit");
        }
        ProtocolDocument protocol = protocols.active(me.clinicId()).document();
        ZonedDateTime end = start.plusMinutes(Availability.minutes(protocol, r.type()));
        store.lockPractitioner(practitioner.id());
        if (store.overlaps(practitioner.id(), start.toInstant(), end.toInstant(), null)) {
            throw slotUnavailable();
        }
        List<Broken> broken = rules(me, zone, practitioner.id(), r.patientId(), r.type(), start, end, protocol,
                rescheduledFrom);
        BookAppointment.Override override = r.override();
        List<Broken> remaining = broken.stream()
                .filter(b -> override == null || b.rule() != override.rule()).toList();
        if (!remaining.isEmpty()) {
            throw new RefusedException(new PathwayRuleBroken(remaining));
        }
        boolean overridden = override != null && broken.stream().anyMatch(b -> b.rule() == override.rule());
        long id;
        try {
            id = store.insert(new AppointmentStore.NewAppointment(me.clinicId(), r.patientId(), practitioner.id(),
                    r.type(), start.toInstant(), end.toInstant(), overridden ? override.rule().name() : null,
                    overridden ? override.reason().trim() : null, rescheduledFrom, clock.instant(), me.username(),
                    r.recordsPastVisit() ? Status.ATTENDED : Status.BOOKED));
        } catch (DataIntegrityViolationException e) {
            throw slotUnavailable();
        }
        me.log(r.patientId(), AccessAction.BOOK_APPOINTMENT,
                r.type() + " " + r.start() + (r.recordsPastVisit() ? " past visit" : "") + " (appointment " + id + ")");
        Appointment booked = store.find(me.clinicId(), id, zone).orElseThrow();
        if (!r.recordsPastVisit()) {
            reminders.schedule(clinic, patient, booked, protocol);
        }
        if (r.type() != Type.TREATMENT) {
            return booked;
        }
        LocalDate day = r.start().toLocalDate();
        return booked.withFollowUp(new Appointment.FollowUp(day.plusDays(protocol.booking().reviewFromDays().value()),
                day.plusDays(protocol.booking().reviewToDays().value()),
                day.plusDays(protocol.plan().intervalMinDays().value())));
    }

    /** Moves an appointment: the old one is cancelled ("Moved to …") and a new one, linked to it, is booked. */
    @Transactional
    public Appointment reschedule(VenulaPrincipal me, long id, LocalDateTime start, BookAppointment.Override override) {
        ZoneId zone = clinics.clinic(me.clinicId()).zone();
        Appointment old = store.find(me.clinicId(), id, zone)
                .orElseThrow(() -> new NotFoundException("Appointment " + id));
        return reschedule(staff(me), old, start, old.practitionerId(), override);
    }

    /**
     * Moves {@code old} (already found in the booker's clinic, and theirs to move) to {@code start} with
     * {@code practitionerId}, under every rule a new booking meets; the caller's transaction undoes the cancellation
     * when the new booking is refused.
     */
    Appointment reschedule(Booker me, Appointment old, LocalDateTime start, long practitionerId,
            BookAppointment.Override override) {
        if (old.status() != Status.BOOKED) {
            throw new ConflictException("not-booked", null, "Only a booked appointment can be moved; this one is "
                    + old.status() + ".");
        }
        if (start == null) {
            throw new InvalidInputException("start", "is required: the new time, such as 2026-12-01T10:00");
        }
        String movedTo = MOVED_TO + start.format(java.time.format.DateTimeFormatter.ofPattern(
                "EEEE d MMMM yyyy 'at' HH:mm", java.util.Locale.UK));
        if (!store.setStatus(old.id(), Status.BOOKED, Status.CANCELLED, movedTo, clock.instant(), me.username())) {
            throw new ConflictException("not-booked", null, "The appointment changed meanwhile; reload it.");
        }
        reminders.cancel(old.id());
        return book(me, new BookAppointment(old.patientId(), practitionerId, old.type(), start, override), old.id());
    }

    private List<Broken> rules(Booker me, ZoneId zone, long practitionerId, long patientId, Type type,
            ZonedDateTime start, ZonedDateTime end, ProtocolDocument protocol, Long ignore) {
        List<PathwayRules.Window> day = availability.hours(practitionerId)
                .getOrDefault(start.getDayOfWeek().getValue(), List.of());
        List<PathwayRules.Absence> absences = store.absences(practitionerId, start.toInstant(), end.toInstant())
                .stream().map(a -> new PathwayRules.Absence(a[0].atZone(zone).toLocalDateTime(),
                        a[1].atZone(zone).toLocalDateTime())).toList();
        boolean working = PathwayRules.withinWorkingHours(start.toLocalDateTime(), end.toLocalDateTime(), day,
                absences);
        List<PathwayRules.Existing> existing = store.forPatient(me.clinicId(), patientId, zone).stream()
                .filter(a -> ignore == null || a.id() != ignore)
                .map(a -> new PathwayRules.Existing(a.id(), a.type(), a.start(), a.status())).toList();
        PathwayRules.Clearance clearance = screenings.latestForBooking(me.clinicId(), patientId)
                .map(s -> new PathwayRules.Clearance(s.outcome().name(), s.signOff() != null,
                        s.createdAt().atZoneSameInstant(zone).toLocalDate(), s.earliestTreatmentDate()))
                .orElse(null);
        PathwayRules.Settings settings = new PathwayRules.Settings(protocol.booking().seeAndTreat().value(),
                protocol.screening().clearanceValidityDays().value(), protocol.plan().intervalMinDays().value());
        return PathwayRules.check(type, start.toLocalDateTime(), working, existing, clearance, settings);
    }

    private static ConflictException slotUnavailable() {
        return new ConflictException("slot-unavailable", "start",
                "The practitioner already has an appointment at that time.");
    }
}

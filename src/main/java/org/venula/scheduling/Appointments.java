package org.venula.scheduling;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.venula.scheduling.rules.PathwayRules.Window;
import org.venula.scheduling.rules.SlotFinder;
import org.venula.screening.Screenings;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;
import org.venula.shared.RefusedException;

/**
 * The scheduling capability's facade: book, cancel, reschedule and mark appointments, list free slots, and keep
 * practitioners' hours and absences. Times in and out are local date-times in the clinic's time zone.
 */
@Service
public class Appointments {

    static final List<Window> DEFAULT_DAY = List.of(new Window(LocalTime.of(9, 0), LocalTime.of(17, 0)));
    private static final int MAX_SLOT_DAYS = 31;

    private final AppointmentStore store;
    private final Patients patients;
    private final Clinics clinics;
    private final Screenings screenings;
    private final Protocols protocols;
    private final AccessLog accessLog;
    private final Reminders reminders;
    private final Clock clock;

    Appointments(AppointmentStore store, Patients patients, Clinics clinics, Screenings screenings,
            Protocols protocols, AccessLog accessLog, Reminders reminders, Clock clock) {
        this.store = store;
        this.patients = patients;
        this.clinics = clinics;
        this.screenings = screenings;
        this.protocols = protocols;
        this.accessLog = accessLog;
        this.reminders = reminders;
        this.clock = clock;
    }

    @Transactional
    public Appointment book(VenulaPrincipal me, BookAppointment r) {
        return book(me, r, null);
    }

    private Appointment book(VenulaPrincipal me, BookAppointment r, Long rescheduledFrom) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.patientId() == null) {
            problems.add(new FieldProblem("patientId", "is required"));
        }
        if (r.practitionerId() == null) {
            problems.add(new FieldProblem("practitionerId", "is required"));
        }
        if (r.type() == null) {
            problems.add(new FieldProblem("type", "is required: CONSULTATION, TREATMENT or REVIEW"));
        }
        if (r.start() == null) {
            problems.add(new FieldProblem("start", "is required, as a local date-time such as 2026-12-01T10:00"));
        }
        if (r.override() != null && (r.override().rule() == null || r.override().reason() == null
                || r.override().reason().isBlank())) {
            problems.add(new FieldProblem("override", "needs both the rule and the reason"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (r.override() != null && !me.seesClinicalRecord()) {
            throw new AccessDeniedException("Only clinicians override a pathway rule");
        }
        org.venula.patient.PatientRecord patient = patients.get(me, r.patientId());
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
            if (!me.seesClinicalRecord()) {
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
        ZonedDateTime end = start.plusMinutes(minutes(protocol, r.type()));
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
                    overridden ? override.reason().trim() : null, rescheduledFrom, clock.instant(), me.getUsername(),
                    r.recordsPastVisit() ? Status.ATTENDED : Status.BOOKED));
        } catch (DataIntegrityViolationException e) {
            throw slotUnavailable();
        }
        accessLog.record(me.clinicId(), r.patientId(), AccessAction.BOOK_APPOINTMENT,
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

    @Transactional
    public Appointment cancel(VenulaPrincipal me, long id, String reason) {
        find(me, id); // another clinic's appointment is 404 before anything else
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "is required");
        }
        return change(me, id, Status.BOOKED, Status.CANCELLED, reason.trim());
    }

    @Transactional
    public Appointment markAttended(VenulaPrincipal me, long id) {
        return change(me, id, Status.BOOKED, Status.ATTENDED, null);
    }

    @Transactional
    public Appointment markNoShow(VenulaPrincipal me, long id) {
        return change(me, id, Status.BOOKED, Status.NO_SHOW, null);
    }

    /** Moves an appointment: the old one is cancelled ("Moved to …") and a new one, linked to it, is booked. */
    @Transactional
    public Appointment reschedule(VenulaPrincipal me, long id, LocalDateTime start, BookAppointment.Override override) {
        Appointment old = find(me, id);
        if (old.status() != Status.BOOKED) {
            throw new ConflictException("not-booked", null, "Only a booked appointment can be moved; this one is "
                    + old.status() + ".");
        }
        if (start == null) {
            throw new InvalidInputException("start", "is required: the new time, such as 2026-12-01T10:00");
        }
        String movedTo = "Moved to " + start.format(java.time.format.DateTimeFormatter.ofPattern(
                "EEEE d MMMM yyyy 'at' HH:mm", java.util.Locale.UK));
        if (!store.setStatus(id, Status.BOOKED, Status.CANCELLED, movedTo, clock.instant(),
                me.getUsername())) {
            throw new ConflictException("not-booked", null, "The appointment changed meanwhile; reload it.");
        }
        reminders.cancel(id);
        return book(me, new BookAppointment(old.patientId(), old.practitionerId(), old.type(), start, override), id);
    }

    @Transactional
    public Appointment get(VenulaPrincipal me, long id) {
        Appointment a = find(me, id);
        accessLog.record(me.clinicId(), a.patientId(), AccessAction.VIEW_APPOINTMENT, "appointment " + id);
        return a;
    }

    private Appointment find(VenulaPrincipal me, long id) {
        return store.find(me.clinicId(), id, zone(me)).orElseThrow(() -> new NotFoundException("Appointment " + id));
    }

    @Transactional
    public List<Appointment> forPatient(VenulaPrincipal me, long patientId) {
        patients.get(me, patientId);
        return store.forPatient(me.clinicId(), patientId, zone(me));
    }

    /** A practitioner's diary; every patient it shows is access-logged. Another clinic's practitioner is 404. */
    @Transactional
    public List<Appointment> forPractitioner(VenulaPrincipal me, long practitionerId, LocalDate from, LocalDate to) {
        clinics.practitioner(me.clinicId(), practitionerId)
                .orElseThrow(() -> new NotFoundException("Practitioner " + practitionerId));
        ZoneId zone = zone(me);
        List<Appointment> found = store.forPractitioner(me.clinicId(), practitionerId,
                from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(), zone);
        accessLog.recordShown(me.clinicId(), found.stream().map(Appointment::patientId).toList(),
                AccessAction.LIST_PATIENTS, "diary of practitioner " + practitionerId + ", " + from + " to " + to);
        return found;
    }

    /** Free start times on the protocol's slot grid where the type's length fits inside working hours. */
    public List<LocalDateTime> slots(VenulaPrincipal me, long practitionerId, Type type, LocalDate from, LocalDate to) {
        List<FieldProblem> problems = new ArrayList<>();
        if (type == null) {
            problems.add(new FieldProblem("type", "is required"));
        }
        if (from == null || to == null || to.isBefore(from)) {
            problems.add(new FieldProblem("to", "must be on or after from"));
        } else if (from.plusDays(MAX_SLOT_DAYS).isBefore(to)) {
            problems.add(new FieldProblem("to", "must be within " + MAX_SLOT_DAYS + " days of from"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PractitionerView practitioner = clinics.practitioner(me.clinicId(), practitionerId)
                .orElseThrow(() -> new NotFoundException("Practitioner " + practitionerId));
        ZoneId zone = zone(me);
        ProtocolDocument protocol = protocols.active(me.clinicId()).document();
        int length = minutes(protocol, type);
        int step = protocol.booking().slotMinutes().value();
        Map<Integer, List<Window>> hours = hours(practitioner.id());
        Instant rangeStart = from.atStartOfDay(zone).toInstant();
        Instant rangeEnd = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<SlotFinder.Range> booked = store.forPractitioner(me.clinicId(), practitioner.id(), rangeStart, rangeEnd,
                zone).stream().filter(a -> a.status() != Status.CANCELLED)
                .map(a -> new SlotFinder.Range(ZonedDateTime.of(a.start(), zone).toInstant(),
                        ZonedDateTime.of(a.end(), zone).toInstant())).toList();
        List<SlotFinder.Range> away = store.absences(practitioner.id(), rangeStart, rangeEnd).stream()
                .map(a -> new SlotFinder.Range(a[0], a[1])).toList();
        return SlotFinder.free(new SlotFinder.Search(hours, away, booked, length, step, from, to, zone,
                clock.instant()));
    }

    /** A practitioner's working hours by ISO weekday; Monday to Friday 09:00–17:00 until set. */
    public Map<Integer, List<Window>> hours(long practitionerId) {
        List<Object[]> rows = store.hours(practitionerId);
        Map<Integer, List<Window>> out = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.getValue() <= 5) {
                    out.put(d.getValue(), DEFAULT_DAY);
                }
            }
            return out;
        }
        for (Object[] r : rows) {
            out.put((Integer) r[0], List.of(new Window((LocalTime) r[1], (LocalTime) r[2])));
        }
        return out;
    }

    /** Replaces a practitioner's weekly hours (admins, or the practitioner themselves). */
    @Transactional
    public Map<Integer, List<Window>> setHours(VenulaPrincipal me, long practitionerId, Map<Integer, Window> week) {
        PractitionerView p = clinics.practitioner(me.clinicId(), practitionerId)
                .orElseThrow(() -> new NotFoundException("Practitioner " + practitionerId));
        if (!me.isAdmin() && p.userId() != me.userId()) {
            throw new AccessDeniedException("Only administrators or the practitioner change working hours");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        week.forEach((day, w) -> {
            if (day == null || day < 1 || day > 7) {
                problems.add(new FieldProblem("weekday", "must be 1 (Monday) to 7 (Sunday)"));
            } else if (w == null || w.start() == null || w.end() == null || !w.end().isAfter(w.start())) {
                problems.add(new FieldProblem("hours[" + day + "]", "needs a start before its end"));
            } else {
                rows.add(new Object[] {day, w});
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        store.lockPractitioner(practitionerId); // two saves of one practitioner's week run one after the other
        store.replaceHours(practitionerId, rows);
        return hours(practitionerId);
    }

    @Transactional
    public void addAbsence(VenulaPrincipal me, long practitionerId, LocalDateTime start, LocalDateTime end,
            String reason) {
        PractitionerView p = clinics.practitioner(me.clinicId(), practitionerId)
                .orElseThrow(() -> new NotFoundException("Practitioner " + practitionerId));
        if (!me.isAdmin() && p.userId() != me.userId()) {
            throw new AccessDeniedException("Only administrators or the practitioner record absences");
        }
        if (start == null || end == null || !end.isAfter(start)) {
            throw new InvalidInputException("end", "must be after start");
        }
        if (reason != null && (reason.length() > 200 || org.venula.shared.InputLimits.textProblem(reason) != null)) {
            throw new InvalidInputException("reason", reason.length() > 200 ? "must be at most 200 characters"
                    : org.venula.shared.InputLimits.textProblem(reason));
        }
        ZoneId zone = zone(me);
        store.addAbsence(practitionerId, ZonedDateTime.of(start, zone).toInstant(),
                ZonedDateTime.of(end, zone).toInstant(), reason, clock.instant(), me.getUsername());
    }

    /** An absence of a practitioner, in the clinic's local time. */
    public record Absence(LocalDateTime start, LocalDateTime end, String reason) {
    }

    /** A practitioner's absences that overlap the period (their working-hours page). */
    public List<Absence> absences(VenulaPrincipal me, long practitionerId, LocalDate from, LocalDate to) {
        clinics.practitioner(me.clinicId(), practitionerId)
                .orElseThrow(() -> new NotFoundException("Practitioner " + practitionerId));
        ZoneId zone = zone(me);
        return store.absenceRows(practitionerId, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant()).stream()
                .map(r -> new Absence(((Instant) r[0]).atZone(zone).toLocalDateTime(),
                        ((Instant) r[1]).atZone(zone).toLocalDateTime(), (String) r[2])).toList();
    }

    private List<Broken> rules(VenulaPrincipal me, ZoneId zone, long practitionerId, long patientId, Type type,
            ZonedDateTime start, ZonedDateTime end, ProtocolDocument protocol, Long ignore) {
        List<PathwayRules.Window> day = hours(practitionerId).getOrDefault(start.getDayOfWeek().getValue(), List.of());
        List<PathwayRules.Absence> absences = store.absences(practitionerId, start.toInstant(), end.toInstant())
                .stream().map(a -> new PathwayRules.Absence(a[0].atZone(zone).toLocalDateTime(),
                        a[1].atZone(zone).toLocalDateTime())).toList();
        boolean working = PathwayRules.withinWorkingHours(start.toLocalDateTime(), end.toLocalDateTime(), day,
                absences);
        List<PathwayRules.Existing> existing = store.forPatient(me.clinicId(), patientId, zone).stream()
                .filter(a -> ignore == null || a.id() != ignore)
                .map(a -> new PathwayRules.Existing(a.id(), a.type(), a.start(), a.status())).toList();
        PathwayRules.Clearance clearance = screenings.latestForBooking(me, patientId)
                .map(s -> new PathwayRules.Clearance(s.outcome().name(), s.signOff() != null,
                        s.createdAt().atZoneSameInstant(zone).toLocalDate(), s.earliestTreatmentDate()))
                .orElse(null);
        PathwayRules.Settings settings = new PathwayRules.Settings(protocol.booking().seeAndTreat().value(),
                protocol.screening().clearanceValidityDays().value(), protocol.plan().intervalMinDays().value());
        return PathwayRules.check(type, start.toLocalDateTime(), working, existing, clearance, settings);
    }

    private Appointment change(VenulaPrincipal me, long id, Status from, Status to, String reason) {
        Appointment a = find(me, id);
        if (a.status() != from || !store.setStatus(id, from, to, reason, clock.instant(), me.getUsername())) {
            throw new ConflictException("not-booked", null, "Only a booked appointment can become " + to
                    + "; this one is " + a.status() + ".");
        }
        reminders.cancel(id); // cancelled, attended or missed: nothing left to remind of
        accessLog.record(me.clinicId(), a.patientId(), AccessAction.CHANGE_APPOINTMENT, "appointment " + id + " " + to);
        return find(me, id);
    }

    /** How long an appointment of this type lasts under the clinic's protocol, in minutes. */
    public int length(VenulaPrincipal me, Type type) {
        return minutes(protocols.active(me.clinicId()).document(), type);
    }

    private static int minutes(ProtocolDocument protocol, Type type) {
        return switch (type) {
            case CONSULTATION -> protocol.booking().consultationMinutes().value();
            case TREATMENT -> protocol.booking().treatmentMinutes().value();
            case REVIEW -> protocol.booking().reviewMinutes().value();
        };
    }

    private ZoneId zone(VenulaPrincipal me) {
        return clinics.clinic(me.clinicId()).zone();
    }

    private static ConflictException slotUnavailable() {
        return new ConflictException("slot-unavailable", "start",
                "The practitioner already has an appointment at that time.");
    }
}

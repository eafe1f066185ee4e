package org.venula.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.Patients;
import org.venula.scheduling.internal.AppointmentStore;
import org.venula.scheduling.rules.PathwayRules.Status;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Appointments as booked: reading one, a patient's, or a practitioner's diary, and the day's changes to one (cancelled
 * with a reason, attended, or missed). Booking is {@link Bookings}; hours, absences and free slots are
 * {@link Availability}. Times in and out are local date-times in the clinic's time zone.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Appointments {

    private final AppointmentStore store;
    private final Patients patients;
    private final Clinics clinics;
    private final AccessLog accessLog;
    private final Reminders reminders;
    private final Clock clock;

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
        return accessLog.recordShown(me.clinicId(), found, Appointment::patientId, AccessAction.LIST_PATIENTS,
                "diary of practitioner " + practitionerId + ", " + from + " to " + to);
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

    private ZoneId zone(VenulaPrincipal me) {
        return clinics.clinic(me.clinicId()).zone();
    }
}

package org.venula.scheduling;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.shared.Paging;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.Patients;
import org.venula.scheduling.internal.WaitingListStore;
import org.venula.scheduling.rules.PathwayRules.Type;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InputLimits;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Patients who want an earlier appointment: first come, first offered when a slot of their type frees up (a
 * cancellation or a move). Booking from the list closes the entry; removing one keeps the reason.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class WaitingList {

    private final WaitingListStore store;
    private final Patients patients;
    private final Clinics clinics;
    private final AccessLog accessLog;
    private final Clock clock;
    private final Bookings bookings;

    /** A patient's wish for an earlier appointment; {@code practitionerId} null means any practitioner. */
    public record Join(Long patientId, Type type, Long practitionerId, String note) {
    }

    @Transactional
    public WaitingEntry join(VenulaPrincipal me, Join j) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldProblem.required(problems, "patientId", j.patientId(), "is required");
        FieldProblem.required(problems, "type", j.type(), "is required: CONSULTATION, TREATMENT or REVIEW");
        if (j.practitionerId() != null && clinics.practitioner(me.clinicId(), j.practitionerId()).isEmpty()) {
            problems.add(new FieldProblem("practitionerId", "is not a practitioner of this clinic"));
        }
        String note = j.note() == null || j.note().isBlank() ? null : j.note().trim();
        if (note != null && (note.length() > 500 || InputLimits.textProblem(note) != null)) {
            problems.add(new FieldProblem("note", note.length() > 500 ? "must be at most 500 characters"
                    : InputLimits.textProblem(note)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        patients.get(me, j.patientId());
        boolean already = store.forPatient(me.clinicId(), j.patientId()).stream()
                .anyMatch(w -> WaitingEntry.Status.WAITING.name().equals(w.status()) && w.type() == j.type());
        if (already) {
            throw new ConflictException("duplicate", "type", "The patient is already waiting for an earlier "
                    + j.type().name().toLowerCase() + ".");
        }
        long id = store.insert(me.clinicId(), j.patientId(), j.practitionerId(), j.type(), note, now(),
                me.getUsername());
        accessLog.record(me.clinicId(), j.patientId(), AccessAction.CHANGE_APPOINTMENT, "waiting list " + id);
        return store.find(me.clinicId(), id).orElseThrow();
    }

    /** One page of the clinic's open entries, oldest first; every patient shown is access-logged. */
    @Transactional
    public Paging.Paged<WaitingEntry> waiting(VenulaPrincipal me, Paging paging) {
        Paging.Paged<WaitingEntry> found = paging.of(store.waiting(me.clinicId(), paging.limit(), paging.offset()));
        accessLog.recordShown(me.clinicId(), found.items(), WaitingEntry::patientId, AccessAction.LIST_PATIENTS,
                "waiting list");
        return found;
    }

    /** Who a freed slot of an appointment's type and practitioner should be offered to, first come first. */
    @Transactional
    public List<WaitingEntry> suiting(VenulaPrincipal me, Type type, long practitionerId) {
        return accessLog.recordShown(me.clinicId(), store.suiting(me.clinicId(), type, practitionerId, 10),
                WaitingEntry::patientId, AccessAction.LIST_PATIENTS,
                "waiting list offers for a freed " + type.name().toLowerCase());
    }

    @Transactional
    public List<WaitingEntry> forPatient(VenulaPrincipal me, long patientId) {
        patients.get(me, patientId);
        return store.forPatient(me.clinicId(), patientId);
    }

    /**
     * Books the offered time for a patient on the list and closes their place, in one transaction: if the place was
     * closed meanwhile (another receptionist booked it), nothing is booked.
     */
    @Transactional
    public Appointment book(VenulaPrincipal me, long id, BookAppointment request) {
        WaitingEntry w = find(me, id);
        if (request.patientId() == null || w.patientId() != request.patientId()) {
            throw new InvalidInputException("waitingId", "is another patient's place on the waiting list");
        }
        Appointment booked = bookings.book(me, request);
        if (!store.close(me.clinicId(), id, WaitingEntry.Status.BOOKED, booked.id(), null, now(), me.getUsername())) {
            throw new ConflictException("not-waiting", null, "This place on the waiting list was closed meanwhile; "
                    + "nothing was booked.");
        }
        accessLog.record(me.clinicId(), w.patientId(), AccessAction.CHANGE_APPOINTMENT, "waiting list " + id
                + " booked (appointment " + booked.id() + ")");
        return booked;
    }

    @Transactional
    public WaitingEntry remove(VenulaPrincipal me, long id, String reason) {
        WaitingEntry w = find(me, id);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "is required: say why the patient no longer waits");
        }
        if (reason.length() > 500 || InputLimits.textProblem(reason) != null) {
            throw new InvalidInputException("reason", reason.length() > 500 ? "must be at most 500 characters"
                    : InputLimits.textProblem(reason));
        }
        if (!store.close(me.clinicId(), id, WaitingEntry.Status.REMOVED, null, reason.trim(), now(),
                me.getUsername())) {
            throw new ConflictException("not-waiting", null, "This place on the waiting list is already closed.");
        }
        accessLog.record(me.clinicId(), w.patientId(), AccessAction.CHANGE_APPOINTMENT, "waiting list " + id
                + " removed");
        return find(me, id);
    }

    private WaitingEntry find(VenulaPrincipal me, long id) {
        return store.find(me.clinicId(), id).orElseThrow(() -> new NotFoundException("Waiting list entry " + id));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

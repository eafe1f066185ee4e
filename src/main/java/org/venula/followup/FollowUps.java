package org.venula.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.followup.internal.FollowUpStore;
import org.venula.followup.rules.FollowUpSchedule;
import org.venula.followup.rules.FollowUpSchedule.Kind;
import org.venula.patient.Patients;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.Protocols;
import org.venula.scheduling.Appointment;
import org.venula.scheduling.Availability;
import org.venula.scheduling.BookAppointment;
import org.venula.scheduling.Bookings;
import org.venula.shared.Paging;
import org.venula.scheduling.rules.PathwayRules.Type;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;
import org.venula.shared.Reason;
import org.venula.treatment.SessionSigned;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Follow-up tasks: created when a session is signed (in the signing transaction, so a session is never signed without
 * them), listed as the clinic's recall list, booked in one step on the first free slot of the session's practitioner.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class FollowUps {

    /** How far ahead the recall list looks by default. */
    public static final int DEFAULT_WITHIN_DAYS = 28;

    private final FollowUpStore store;
    private final Protocols protocols;
    private final Availability availability;
    private final Bookings bookings;
    private final Patients patients;
    private final Clinics clinics;
    private final AccessLog accessLog;
    private final Clock clock;

    /**
     * A signed session makes its review and the next session (or, after the last, the maintenance recall) due. Runs
     * after the signing commits, in a transaction of its own, and is retried by {@code FollowOnWorkRetry} if it fails;
     * a repeated delivery, or a retry that arrives after a later session (or a review) already set the patient's
     * follow-ups, changes nothing.
     */
    @TransactionalEventListener(id = "followup.tasks-from-signed-session")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onSessionSigned(SessionSigned e) {
        if (store.followUpsSetSince(e.clinicId(), e.patientId(), e.sessionId())) {
            return;
        }
        ProtocolDocument p = protocols.version(e.clinicId(), e.protocol().version()).document();
        FollowUpSchedule.Settings settings = new FollowUpSchedule.Settings(p.booking().reviewFromDays().value(),
                p.booking().reviewToDays().value(), p.plan().intervalMinDays().value(),
                p.plan().intervalTypicalDays().value(), p.booking().maintenanceRecallMonths().value());
        OffsetDateTime now = now();
        String done = "Session of " + e.sessionDate() + " signed";
        store.complete(e.clinicId(), e.patientId(), Kind.NEXT_SESSION, e.sessionId(), done, now, e.signedBy());
        store.complete(e.clinicId(), e.patientId(), Kind.MAINTENANCE_RECALL, e.sessionId(), done, now, e.signedBy());
        for (FollowUpSchedule.Due due : FollowUpSchedule.after(e.sessionDate(), e.lastOfCourse(), settings)) {
            store.insert(e.clinicId(), e.patientId(), e.sessionId(), e.practitionerId(), due.kind(), due.from(),
                    due.until(), now, e.signedBy());
        }
        accessLog.record(e.clinicId(), e.patientId(), AccessAction.CREATE_FOLLOW_UP,
                "after session " + e.sessionId() + (e.lastOfCourse() ? " (last of course: recall)" : ""));
    }

    /** One page of the recall list: what is due within {@code withinDays} from today, overdue first by date. */
    @Transactional
    public Paging.Paged<FollowUpTask> due(VenulaPrincipal me, Integer withinDays, Paging paging) {
        int within = withinDays == null ? DEFAULT_WITHIN_DAYS : withinDays;
        if (within < 0 || within > 730) {
            throw new InvalidInputException("within", "must be between 0 and 730 days");
        }
        LocalDate today = clinics.today(me.clinicId());
        Paging.Paged<FollowUpTask> due = paging.of(store.due(me.clinicId(), today.plusDays(within), today, zone(me),
                paging.limit(), paging.offset()));
        accessLog.recordShown(me.clinicId(), due.items(), FollowUpTask::patientId, AccessAction.LIST_PATIENTS,
                "recall list, due within " + within + " days");
        return due;
    }

    @Transactional
    public List<FollowUpTask> forPatient(VenulaPrincipal me, long patientId) {
        patients.get(me, patientId);
        return store.forPatient(me.clinicId(), patientId, clinics.today(me.clinicId()), zone(me));
    }

    /**
     * Books the task on the first free slot of the session's practitioner, from the start of its window (or
     * tomorrow, if that has passed), looking up to a month ahead: a review for a review, a treatment for the next
     * session, a consultation for a maintenance recall (the patient is seen and screened again before treatment).
     * The booking rules apply as for any booking.
     */
    @Transactional
    public Appointment book(VenulaPrincipal me, long taskId) {
        LocalDate today = clinics.today(me.clinicId());
        FollowUpTask task = store.find(me.clinicId(), taskId, today, zone(me))
                .orElseThrow(() -> new NotFoundException("Follow-up " + taskId));
        if (!FollowUpSchedule.Status.DUE.name().equals(task.status())) {
            throw new ConflictException("follow-up-not-due", null, "This follow-up is " + task.status().toLowerCase()
                    + (task.appointmentStart() == null ? "." : " for " + task.appointmentStart() + "."));
        }
        Type type = switch (task.kind()) {
            case REVIEW -> Type.REVIEW;
            case NEXT_SESSION -> Type.TREATMENT;
            case MAINTENANCE_RECALL -> Type.CONSULTATION;
        };
        LocalDate from = task.dueFrom().isAfter(today) ? task.dueFrom() : today.plusDays(1);
        List<LocalDateTime> free = availability.slots(me, task.practitionerId(), type, from, from.plusDays(30));
        if (free.isEmpty()) {
            throw new ConflictException("no-free-slot", null, task.practitionerName() + " has no free "
                    + type.name().toLowerCase() + " slot between " + from + " and " + from.plusDays(30)
                    + ": book from the calendar.");
        }
        Appointment a = bookings.book(me, new BookAppointment(task.patientId(), task.practitionerId(), type,
                free.get(0), null));
        store.booked(taskId, a.id(), now(), me.getUsername());
        return a;
    }

    @Transactional
    public FollowUpTask dismiss(VenulaPrincipal me, long taskId, String reason) {
        me.requireClinicalRecord();
        LocalDate today = clinics.today(me.clinicId());
        FollowUpTask task = store.find(me.clinicId(), taskId, today, zone(me))
                .orElseThrow(() -> new NotFoundException("Follow-up " + taskId));
        String why = Reason.required(reason, "is required: say why this follow-up is not needed");
        if (!store.dismiss(me.clinicId(), taskId, why, now(), me.getUsername())) {
            throw new ConflictException("follow-up-not-due", null, "Only a due follow-up can be dismissed.");
        }
        accessLog.record(me.clinicId(), task.patientId(), AccessAction.UPDATE_FOLLOW_UP, "dismissed " + task.kind());
        return store.find(me.clinicId(), taskId, today, zone(me)).orElseThrow();
    }

    private ZoneId zone(VenulaPrincipal me) {
        return clinics.clinic(me.clinicId()).zone();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

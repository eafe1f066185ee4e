package org.venula.treatment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.clinic.Clinics;
import org.venula.clinic.PractitionerView;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.HistoryVersion;
import org.venula.patient.MedicalHistories;
import org.venula.patient.Patients;
import org.venula.planning.Plans;
import org.venula.planning.TreatmentPlan;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.ProtocolVersion;
import org.venula.protocol.Protocols;
import org.venula.protocol.Restriction;
import org.venula.scheduling.Appointment;
import org.venula.scheduling.Appointments;
import org.venula.scheduling.rules.PathwayRules;
import org.venula.screening.EvaluateRequest;
import org.venula.screening.Screenings;
import org.venula.screening.StoredScreening;
import org.venula.screening.rules.Outcome;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;
import org.venula.shared.RefusedException;
import org.venula.treatment.internal.SessionStore;
import org.venula.treatment.rules.Blocker;
import org.venula.treatment.rules.SessionReadiness;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Starting a treatment session: what blocks it today ({@link SessionReadiness}), then the checklist, the weight, the
 * appointment (or why there is none) and the session itself. Only practitioners start a session; the start goes in
 * the patient's access log.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SessionStart {

    private final SessionStore sessions;
    private final SessionLookup lookup;
    private final Patients patients;
    private final MedicalHistories histories;
    private final Screenings screenings;
    private final Plans plans;
    private final Appointments appointments;
    private final Protocols protocols;
    private final Clinics clinics;
    private final AccessLog accessLog;

    /**
     * What stands between the patient and a session today: consent, screening clearance (current, for the history as
     * it is now, and still clear when re-run today). Shown on the start page before the clinician confirms.
     */
    @Transactional
    public List<Blocker> blockers(VenulaPrincipal me, long patientId) {
        patients.openClinicalRecord(me, patientId);
        return SessionReadiness.blockers(readiness(me, patientId, clinics.today(me.clinicId()),
                protocols.active(me.clinicId()).document()));
    }

    /** The facts the readiness rule reads, gathered as the rule needs them (today's re-screen only when it applies). */
    private SessionReadiness.Facts readiness(VenulaPrincipal me, long patientId, LocalDate today,
            ProtocolDocument protocol) {
        List<TreatmentPlan> patientPlans = plans.forPatient(me, patientId);
        StoredScreening screening = screenings.latest(me, patientId).orElse(null);
        if (screening == null) {
            return new SessionReadiness.Facts(patientPlans, null, 0, null, today, protocol);
        }
        HistoryVersion history = histories.current(me, patientId);
        Outcome rescreened = !SessionReadiness.rescreenApplies(screening, history.version()) ? null
                : screenings.evaluate(me, new EvaluateRequest(today, screening.area(), null, history.history()))
                        .outcome();
        return new SessionReadiness.Facts(patientPlans, screening, history.version(), rescreened, today, protocol);
    }

    @Transactional
    public TreatmentSession start(VenulaPrincipal me, long patientId, StartSession request) {
        PractitionerView practitioner = clinics.practitionerDoing(me, "Only a practitioner charts a treatment session");
        patients.get(me, patientId);
        ProtocolVersion protocol = protocols.active(me.clinicId());
        LocalDate today = clinics.today(me.clinicId());
        List<FieldProblem> problems = new ArrayList<>();
        int weightDays = protocol.document().treatment().weightValidityDays().value();
        BigDecimal weight = request.weightKg() != null ? request.weightKg()
                : sessions.weightSince(me.clinicId(), patientId, today.minusDays(weightDays)).orElse(null);
        if (weight == null) {
            problems.add(new FieldProblem("weightKg", "is required: no weight was recorded at a session in the last "
                    + weightDays + " days"));
        } else {
            DoseChecks.weight(problems, "weightKg", weight);
        }
        Appointment appointment = null;
        if (request.appointmentId() != null) {
            try {
                appointment = appointments.get(me, request.appointmentId());
            } catch (NotFoundException e) {
                problems.add(new FieldProblem("appointmentId", "is not an appointment of this clinic"));
            }
            if (appointment != null && (appointment.patientId() != patientId
                    || appointment.type() != PathwayRules.Type.TREATMENT
                    || appointment.status() == PathwayRules.Status.CANCELLED)) {
                problems.add(new FieldProblem("appointmentId", "must be a TREATMENT appointment of this patient "
                        + "that is not cancelled"));
            }
        } else if (request.adHocReason() == null || request.adHocReason().isBlank()) {
            problems.add(new FieldProblem("adHocReason", "is required when the session has no appointment: give "
                    + "appointmentId, or say why the session is started without one"));
        }
        if (request.adHocReason() != null && request.adHocReason().length() > 1000) {
            problems.add(new FieldProblem("adHocReason", "must be at most 1000 characters"));
        }
        List<String> checklist = protocol.document().treatment().checklist() == null ? List.of()
                : protocol.document().treatment().checklist().stream().map(ProtocolDocument.ChecklistItem::code).toList();
        List<String> confirmed = request.confirmed() == null ? List.of() : request.confirmed();
        for (int i = 0; i < confirmed.size(); i++) {
            if (!checklist.contains(confirmed.get(i))) {
                problems.add(new FieldProblem("confirmed[" + i + "]", "must be one of " + String.join(", ", checklist)));
            }
        }
        for (String code : checklist) {
            if (!confirmed.contains(code)) {
                ProtocolDocument.ChecklistItem item = protocol.document().treatment().checklist().stream()
                        .filter(c -> c.code().equals(code)).findFirst().orElseThrow();
                problems.add(new FieldProblem("confirmed", "the checklist item " + code + " ('" + item.text()
                        + "') is not confirmed"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (appointment != null && sessions.sessionForAppointment(appointment.id())) {
            throw new ConflictException("session-exists", "appointmentId",
                    "A session has already been charted for this appointment.");
        }
        SessionReadiness.Facts ready = readiness(me, patientId, today, protocol.document());
        SessionReadiness.refusal(ready).ifPresent(refusal -> {
            throw new RefusedException(refusal);
        });
        TreatmentPlan plan = SessionReadiness.consentedPlan(ready.plans()).orElseThrow();
        long id = sessions.insertSession(new SessionStore.NewSession(me.clinicId(), patientId, practitioner.id(),
                appointment == null ? null : appointment.id(),
                request.adHocReason() == null || request.adHocReason().isBlank() ? null : request.adHocReason().trim(),
                plan.id(), plan.consultationId(), ready.screening().id(), today, protocol.ref(),
                weight, ready.screening().restrictions().stream().map(Restriction::name).toList(),
                checklist, lookup.now(), me.getUsername()));
        if (appointment != null && appointment.status() == PathwayRules.Status.BOOKED) {
            appointments.markAttended(me, appointment.id()); // the patient is here
        }
        accessLog.record(me.clinicId(), patientId, AccessAction.START_SESSION, "session " + id);
        return lookup.load(me, id);
    }
}

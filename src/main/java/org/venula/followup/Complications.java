package org.venula.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.aftercare.CheckInRecorded;
import org.venula.assessment.Consultations;
import org.venula.clinic.ClinicDetails;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.followup.internal.OutcomeStore;
import org.venula.followup.rules.ComplicationRules;
import org.venula.patient.Patients;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;
import org.venula.shared.Paging;
import org.venula.shared.Reason;
import org.venula.treatment.Sessions;
import org.venula.treatment.TreatmentSession;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The complications register: reported by a clinician, or proposed from a patient's check-in for a clinician to
 * confirm or reject. Serious complications wait for the clinic lead with a prompt to report to the regulator.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Complications {

    private final OutcomeStore store;
    private final Consultations consultations;
    private final Sessions sessions;
    private final Patients patients;
    private final Clinics clinics;
    private final AccessLog accessLog;
    private final Clock clock;
    private final ClinicDetails details;

    /** How the clinic reports a serious event to the regulator (the clinic's settings). */
    public String regulatorPrompt(long clinicId) {
        return details.current(clinicId).regulatorPrompt();
    }

    @Transactional
    public Complication report(VenulaPrincipal me, long patientId, ReportComplication c) {
        patients.openClinicalRecord(me, patientId);
        List<FieldProblem> problems = new ArrayList<>();
        ComplicationRules.Type type = parse(problems, "type", c.type(), ComplicationRules.Type.class);
        ComplicationRules.Severity severity = parse(problems, "severity", c.severity(), ComplicationRules.Severity.class);
        ComplicationRules.FoundBy foundBy = c.foundBy() == null ? ComplicationRules.FoundBy.PHONE
                : parse(problems, "foundBy", c.foundBy(), ComplicationRules.FoundBy.class);
        LocalDate today = clinics.today(me.clinicId());
        if (c.onsetOn() == null) {
            problems.add(new FieldProblem("onsetOn", "is required"));
        } else if (c.onsetOn().isAfter(today)) {
            problems.add(new FieldProblem("onsetOn", "must not be in the future"));
        }
        if (c.resolvedOn() != null && c.onsetOn() != null && c.resolvedOn().isBefore(c.onsetOn())) {
            problems.add(new FieldProblem("resolvedOn", "must not be before the onset"));
        }
        if (c.management() != null && c.management().length() > 2000) {
            problems.add(new FieldProblem("management", "must be at most 2000 characters"));
        }
        TreatmentSession session = null;
        if (c.sessionId() != null) {
            session = sessions.forPatient(me, patientId).stream().filter(s -> s.id() == c.sessionId()).findFirst()
                    .orElse(null);
            if (session == null) {
                problems.add(new FieldProblem("sessionId", "is not a session of this patient"));
            } else if (c.onsetOn() != null && c.onsetOn().isBefore(session.sessionDate())) {
                problems.add(new FieldProblem("onsetOn", "must not be before the session it follows"));
            }
        }
        if (c.areaId() != null) {
            if (session == null) {
                problems.add(new FieldProblem("areaId", "needs the session (sessionId)"));
            } else if (consultations.get(me, session.consultationId()).areas().stream()
                    .noneMatch(a -> a.id() == c.areaId())) {
                problems.add(new FieldProblem("areaId", "is not an area mapped for that session"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = store.insertComplication(new OutcomeStore.NewComplication(me.clinicId(), patientId, c.sessionId(),
                c.areaId(), null, type.name(), c.onsetOn(), severity.name(), foundBy.name(),
                c.management() == null || c.management().isBlank() ? null : c.management().trim(), c.resolvedOn(),
                ComplicationRules.Status.CONFIRMED, ComplicationRules.serious(type, severity), now(),
                me.getUsername()));
        accessLog.record(me.clinicId(), patientId, AccessAction.RECORD_COMPLICATION, type + " " + severity);
        return store.complication(me.clinicId(), id).orElseThrow();
    }

    /**
     * A patient's check-in proposes the complications its symptoms suggest, for a clinician to confirm or reject. Runs
     * after the check-in commits, in its own transaction, and is retried if it fails: the patient's check-in and its
     * triage never fail because of it, and a repeated delivery proposes nothing twice.
     */
    @TransactionalEventListener(id = "followup.complications-from-check-in")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onCheckIn(CheckInRecorded e) {
        for (String symptom : e.symptoms()) {
            ComplicationRules.Type type = ComplicationRules.suggestedBy(symptom);
            if (type == null || store.proposedExists(e.checkInId(), type.name())) {
                continue;
            }
            ComplicationRules.Severity severity = ComplicationRules.proposedSeverity(type, e.levelOf(symptom));
            store.insertComplication(new OutcomeStore.NewComplication(e.clinicId(), e.patientId(), e.sessionId(), null,
                    e.checkInId(), type.name(), e.onDate(), severity.name(), ComplicationRules.FoundBy.CHECK_IN.name(),
                    "Proposed from the patient's check-in (" + symptom + ")", null,
                    ComplicationRules.Status.PROPOSED,
                    ComplicationRules.serious(type, severity), now(), "patient link"));
        }
    }

    @Transactional
    public Complication confirm(VenulaPrincipal me, long id, String severity, String management, String reason) {
        me.requireClinicalRecord();
        Complication c = complication(me, id);
        List<FieldProblem> problems = new ArrayList<>();
        ComplicationRules.Severity proposed = ComplicationRules.Severity.valueOf(c.severity());
        ComplicationRules.Severity s = severity == null ? proposed
                : parse(problems, "severity", severity, ComplicationRules.Severity.class);
        if (reason != null && reason.length() > 1000) {
            problems.add(new FieldProblem("reason", "must be at most 1000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String severityReason = null;
        if (ComplicationRules.lowerGradeNeedsReason(proposed, s)) {
            if (reason == null || reason.isBlank()) {
                throw new InvalidInputException("reason", "is required to confirm this "
                        + org.venula.shared.Labels.sentence(c.type()).toLowerCase(java.util.Locale.UK) + " as "
                        + org.venula.shared.Labels.sentence(s.name()).toLowerCase(java.util.Locale.UK)
                        + ": the patient's check-in suggested "
                        + org.venula.shared.Labels.sentence(proposed.name()).toLowerCase(java.util.Locale.UK)
                        + ". Say why it is less.");
            }
            severityReason = "Proposed " + proposed + ", confirmed " + s + ": " + reason.trim();
        }
        boolean open = c.status() == null || ComplicationRules.Status.PROPOSED.name().equals(c.status());
        return changed(me, c, open && store.decide(me.clinicId(), id, ComplicationRules.Status.CONFIRMED, null,
                s.name(), ComplicationRules.serious(ComplicationRules.Type.valueOf(c.type()), s), management,
                severityReason, now(), me.getUsername()),
                "complication-decided", "Only a proposed complication is confirmed.", "confirmed");
    }

    @Transactional
    public Complication reject(VenulaPrincipal me, long id, String reason) {
        me.requireClinicalRecord();
        Complication c = complication(me, id);
        String why = Reason.required(reason, "is required: say why this is not a complication");
        return changed(me, c, store.decide(me.clinicId(), id, ComplicationRules.Status.REJECTED, why, null,
                c.serious(), null, null, now(), me.getUsername()),
                "complication-decided", "Only a proposed complication is rejected.", "rejected");
    }

    @Transactional
    public Complication resolve(VenulaPrincipal me, long id, LocalDate on) {
        me.requireClinicalRecord();
        Complication c = complication(me, id);
        LocalDate day = on == null ? clinics.today(me.clinicId()) : on;
        if (day.isBefore(c.onsetOn()) || day.isAfter(clinics.today(me.clinicId()))) {
            throw new InvalidInputException("resolvedOn", "must be between the onset and today");
        }
        return changed(me, c, store.resolve(me.clinicId(), id, day, now(), me.getUsername()),
                "complication-resolved", "This complication is already resolved.", "resolved");
    }

    /** The clinic lead (an administrator) records that a serious event was reviewed and how it was reported. */
    @Transactional
    public Complication leadReview(VenulaPrincipal me, long id, String report) {
        if (!me.isAdmin()) {
            throw new AccessDeniedException("The clinic lead (an administrator) reviews serious events");
        }
        Complication c = complication(me, id);
        if (report == null || report.isBlank() || report.length() > 200) {
            throw new InvalidInputException("report", "is required: the Yellow Card reference, or why it was not reported");
        }
        return changed(me, c, store.leadReview(me.clinicId(), id, report.trim(), now(), me.getUsername()),
                "not-awaiting-lead", "Only a serious complication not yet reviewed by the lead can be reviewed.",
                "lead review");
    }

    @Transactional
    public List<Complication> complications(VenulaPrincipal me, long patientId) {
        patients.openClinicalRecord(me, patientId);
        return store.complications(me.clinicId(), patientId);
    }

    /** Proposed complications to confirm, and serious ones waiting for the clinic lead. */
    @Transactional
    public Paging.Paged<Complication> waiting(VenulaPrincipal me, Paging paging) {
        me.requireClinicalRecord();
        Paging.Paged<Complication> waiting = paging.of(store.waiting(me.clinicId(), paging.limit(), paging.offset()));
        accessLog.recordShown(me.clinicId(), waiting.items(), Complication::patientId,
                AccessAction.LIST_PATIENTS, "complications waiting");
        return waiting;
    }

    /** Refuses (404) a complication that is not of the user's clinic. */
    public void requireComplication(VenulaPrincipal me, long id) {
        complication(me, id);
    }

    private Complication complication(VenulaPrincipal me, long id) {
        return store.complication(me.clinicId(), id).orElseThrow(() -> new NotFoundException("Complication " + id));
    }

    /**
     * How every decision on a complication ends: if the store changed nothing (someone decided first, or the
     * complication is not in the state the decision needs) it is a conflict; else the change goes in the patient's
     * access log and the complication is answered as it now is.
     */
    private Complication changed(VenulaPrincipal me, Complication c, boolean stored, String conflict, String refusal,
            String logged) {
        if (!stored) {
            throw new ConflictException(conflict, null, refusal);
        }
        accessLog.record(me.clinicId(), c.patientId(), AccessAction.UPDATE_COMPLICATION, logged + " " + c.id());
        return complication(me, c.id());
    }

    private static <E extends Enum<E>> E parse(List<FieldProblem> problems, String field, String value, Class<E> type) {
        if (value == null) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "'" + value + "' is not one of " + String.join(", ",
                    java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

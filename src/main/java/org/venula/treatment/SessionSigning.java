package org.venula.treatment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.Patients;
import org.venula.planning.Plans;
import org.venula.planning.TreatmentPlan;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.db.FollowOnWork;
import org.venula.treatment.internal.SessionStore;
import org.venula.treatment.rules.DoseCheck;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Signing a session, which locks it and publishes {@link SessionSigned}, and correcting a signed session by an
 * addendum (who, when and why). Every signature and addendum goes in the patient's access log.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SessionSigning {

    private final SessionLookup lookup;
    private final SessionStore sessions;
    private final Plans plans;
    private final Patients patients;
    private final AccessLog accessLog;
    private final ApplicationEventPublisher events;
    private final FollowOnWork followOn;

    /**
     * Signs and locks the session, then publishes {@link SessionSigned} in the same transaction; its aftercare plan
     * and follow-up tasks are made once it commits ({@link FollowOnWork}).
     */
    public TreatmentSession sign(VenulaPrincipal me, long sessionId, Integer loaded) {
        return followOn.inTransaction(() -> signNow(me, sessionId, loaded));
    }

    private TreatmentSession signNow(VenulaPrincipal me, long sessionId, Integer loaded) {
        me.requireClinicalRecord();
        sessions.lock(sessionId);
        TreatmentSession s = lookup.open(me, sessionId, loaded);
        List<FieldProblem> problems = new ArrayList<>();
        List<TreatmentSession.Injection> counting = s.injections().stream()
                .filter(TreatmentSession.Injection::counts).toList();
        if (counting.isEmpty()) {
            problems.add(new FieldProblem("injections", "chart at least one injection before signing"));
        }
        FieldProblem.required(problems, "compression", s.compression(),
                "record the compression applied before signing");
        FieldProblem.required(problems, "reactions", s.reactions(),
                "record immediate reactions (or NONE) before signing");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!sessions.sign(sessionId, s.version(), lookup.now(), me.getUsername())) {
            throw lookup.editRefused(sessionId);
        }
        TreatmentPlan plan = plans.get(me, s.planId());
        Set<String> veinTypes = new LinkedHashSet<>();
        counting.forEach(i -> veinTypes.add(i.veinType()));
        boolean foam = counting.stream().anyMatch(i -> DoseCheck.Form.valueOf(i.form()) == DoseCheck.Form.FOAM);
        events.publishEvent(new SessionSigned(me.clinicId(), s.patientId(), sessionId, s.planId(),
                s.practitionerId(), s.sessionDate(), veinTypes, foam,
                Boolean.TRUE.equals(patients.get(me, s.patientId()).prolongedStanding()), s.protocol(),
                sessions.signedSessionsOfPlan(s.planId()), plan.sessions(), me.getUsername()));
        accessLog.record(me.clinicId(), s.patientId(), AccessAction.SIGN_SESSION, "session " + sessionId);
        return lookup.load(me, sessionId);
    }

    @Transactional
    public TreatmentSession addendum(VenulaPrincipal me, long sessionId, String reason, String text) {
        me.requireClinicalRecord();
        TreatmentSession s = lookup.find(me, sessionId);
        List<FieldProblem> problems = new ArrayList<>();
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            problems.add(new FieldProblem("reason", "is required: why the record is corrected (at most 1000 characters)"));
        }
        if (text == null || text.isBlank() || text.length() > 4000) {
            problems.add(new FieldProblem("text", "is required: the correction or addition (at most 4000 characters)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!s.signed()) {
            throw new ConflictException("session-open", null,
                    "The session is not signed yet: correct it directly, addenda are for signed sessions.");
        }
        sessions.insertAddendum(sessionId, reason.trim(), text.trim(), lookup.now(), me.getUsername());
        accessLog.record(me.clinicId(), s.patientId(), AccessAction.ADD_ADDENDUM, "session " + sessionId);
        return lookup.load(me, sessionId);
    }
}

package org.venula.treatment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.assessment.Consultation;
import org.venula.assessment.Consultations;
import org.venula.assessment.rules.LegMapTerms.VeinType;
import org.venula.clinic.Clinics;
import org.venula.clinic.PractitionerView;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.HistoryVersion;
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
import org.venula.treatment.internal.TreatmentStore;
import org.venula.treatment.rules.Blocker;
import org.venula.treatment.rules.DoseCheck;
import org.venula.treatment.rules.DoseLimitReached;
import org.venula.treatment.rules.SessionReadiness;

/**
 * Charting a treatment session, from the checks before the first injection to signing and addenda. Only clinicians
 * (and administrators who are practitioners) chart. Every read and change goes in the patient's access log.
 */
@Service
public class Sessions {

    private final TreatmentStore store;
    private final Patients patients;
    private final Screenings screenings;
    private final Plans plans;
    private final Consultations consultations;
    private final Appointments appointments;
    private final Protocols protocols;
    private final Clinics clinics;
    private final AccessLog accessLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Sessions(TreatmentStore store, Patients patients, Screenings screenings, Plans plans, Consultations consultations,
            Appointments appointments, Protocols protocols, Clinics clinics, AccessLog accessLog,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.patients = patients;
        this.screenings = screenings;
        this.plans = plans;
        this.consultations = consultations;
        this.appointments = appointments;
        this.protocols = protocols;
        this.clinics = clinics;
        this.accessLog = accessLog;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What stands between the patient and a session today: consent, screening clearance (current, for the history as
     * it is now, and still clear when re-run today). Shown on the start page before the clinician confirms.
     */
    @Transactional
    public List<Blocker> blockers(VenulaPrincipal me, long patientId) {
        me.requireClinicalRecord();
        patients.get(me, patientId);
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
        HistoryVersion history = patients.history(me, patientId);
        Outcome rescreened = !SessionReadiness.rescreenApplies(screening, history.version()) ? null
                : screenings.evaluate(me, new EvaluateRequest(today, screening.area(), null, history.history()))
                        .outcome();
        return new SessionReadiness.Facts(patientPlans, screening, history.version(), rescreened, today, protocol);
    }

    @Transactional
    public TreatmentSession start(VenulaPrincipal me, long patientId, StartSession request) {
        me.requireClinicalRecord();
        PractitionerView practitioner = clinics.practitionerOfUser(me.userId()).orElseThrow(
                () -> new AccessDeniedException("Only a practitioner charts a treatment session"));
        patients.get(me, patientId);
        ProtocolVersion protocol = protocols.active(me.clinicId());
        LocalDate today = clinics.today(me.clinicId());
        List<FieldProblem> problems = new ArrayList<>();
        int weightDays = protocol.document().treatment().weightValidityDays().value();
        BigDecimal weight = request.weightKg() != null ? request.weightKg()
                : store.weightSince(me.clinicId(), patientId, today.minusDays(weightDays)).orElse(null);
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
        if (appointment != null && store.sessionForAppointment(appointment.id())) {
            throw new ConflictException("session-exists", "appointmentId",
                    "A session has already been charted for this appointment.");
        }
        SessionReadiness.Facts ready = readiness(me, patientId, today, protocol.document());
        SessionReadiness.refusal(ready).ifPresent(refusal -> {
            throw new RefusedException(refusal);
        });
        TreatmentPlan plan = SessionReadiness.consentedPlan(ready.plans()).orElseThrow();
        long id = store.insertSession(new TreatmentStore.NewSession(me.clinicId(), patientId, practitioner.id(),
                appointment == null ? null : appointment.id(),
                request.adHocReason() == null || request.adHocReason().isBlank() ? null : request.adHocReason().trim(),
                plan.id(), plan.consultationId(), ready.screening().id(), today, protocol.ref(),
                weight, ready.screening().restrictions().stream().map(Restriction::name).toList(),
                checklist, now(), me.getUsername()));
        if (appointment != null && appointment.status() == PathwayRules.Status.BOOKED) {
            appointments.markAttended(me, appointment.id()); // the patient is here
        }
        accessLog.record(me.clinicId(), patientId, AccessAction.START_SESSION, "session " + id);
        return load(me, id);
    }

    @Transactional
    public TreatmentSession get(VenulaPrincipal me, long sessionId) {
        me.requireClinicalRecord();
        TreatmentSession s = load(me, sessionId);
        accessLog.record(me.clinicId(), s.patientId(), AccessAction.VIEW_SESSION, "session " + sessionId);
        return s;
    }

    @Transactional
    public List<TreatmentSession> forPatient(VenulaPrincipal me, long patientId) {
        me.requireClinicalRecord();
        patients.get(me, patientId);
        java.util.Map<Integer, ProtocolDocument> byVersion = new java.util.HashMap<>();
        return store.forPatient(me.clinicId(), patientId).stream().map(s -> s.withDose(dose(me, s, null,
                byVersion.computeIfAbsent(s.protocol().version(), v -> protocol(me, s))))).toList();
    }

    /** The consultation whose leg map the session charts on. */
    public Consultation legMap(VenulaPrincipal me, TreatmentSession s) {
        return consultations.get(me, s.consultationId());
    }

    @Transactional
    public TreatmentSession chart(VenulaPrincipal me, long sessionId, ChartInjection c) {
        me.requireClinicalRecord();
        TreatmentSession s = open(me, sessionId);
        store.lock(sessionId);
        LocalDate today = clinics.today(me.clinicId());
        ProtocolDocument protocol = protocol(me, s);
        Consultation consultation = consultations.get(me, s.consultationId());
        List<FieldProblem> problems = new ArrayList<>();
        Consultation.MappedArea area = null;
        if (c.areaId() == null) {
            problems.add(new FieldProblem("areaId", "is required: choose a mapped area of the leg map"));
        } else {
            area = consultation.areas().stream().filter(a -> a.id() == c.areaId()).findFirst().orElse(null);
            if (area == null) {
                problems.add(new FieldProblem("areaId", "is not an area mapped at this patient's consultation"));
            }
        }
        Lot lot = null;
        if (c.lotId() == null) {
            problems.add(new FieldProblem("lotId", "is required: every injection records its lot"));
        } else {
            lot = store.lot(me.clinicId(), c.lotId()).orElse(null);
            if (lot == null) {
                problems.add(new FieldProblem("lotId", "is not a lot in this clinic's stock"));
            } else if (lot.stateOn(today) == Lot.State.EXPIRED) {
                problems.add(new FieldProblem("lotId", "lot " + lot.lotNumber() + " expired on " + lot.expiryDate()
                        + " and cannot be used"));
            } else if (lot.stateOn(today) == Lot.State.RECALLED) {
                problems.add(new FieldProblem("lotId", "lot " + lot.lotNumber() + " was recalled ("
                        + lot.recallReason() + ") and cannot be used"));
            }
        }
        BigDecimal concentration = c.concentrationPercent() != null ? c.concentrationPercent()
                : lot == null ? null : lot.strengthPercent();
        DoseChecks.concentration(problems, "concentrationPercent", concentration);
        if (lot != null && concentration != null && concentration.compareTo(lot.strengthPercent()) > 0) {
            problems.add(new FieldProblem("concentrationPercent", "cannot be stronger than the lot ("
                    + lot.strengthPercent().toPlainString() + "%)"));
        }
        DoseCheck.Form form = c.form() == null ? DoseCheck.Form.LIQUID : c.form();
        DoseChecks.volume(problems, "volumeMl", c.volumeMl());
        Integer lp = DoseChecks.parts(problems, "liquidParts", c.liquidParts(),
                protocol.treatment().foamLiquidParts().value());
        Integer gp = DoseChecks.parts(problems, "gasParts", c.gasParts(), protocol.treatment().foamGasParts().value());
        int gauge = c.needleGauge() == null ? 30 : c.needleGauge();
        if (gauge < 18 || gauge > 34) {
            problems.add(new FieldProblem("needleGauge", "must be between 18 and 34 G (27-30 G is typical)"));
        }
        if (c.view() != null && !c.view().equals("FRONT") && !c.view().equals("BACK")) {
            problems.add(new FieldProblem("view", "must be FRONT or BACK"));
        }
        for (var p : List.of(Map.entry("x", c.x() == null ? BigDecimal.ZERO : c.x()),
                Map.entry("y", c.y() == null ? BigDecimal.ZERO : c.y()))) {
            if (p.getValue().signum() < 0 || p.getValue().compareTo(BigDecimal.valueOf(1000)) > 0) {
                problems.add(new FieldProblem(p.getKey(), "must be a point on the leg map (0 to 1000)"));
            }
        }
        String overrideReason = c.override() == null || c.override().reason() == null
                || c.override().reason().isBlank() ? null : c.override().reason().trim();
        if (overrideReason != null && overrideReason.length() > 1000) {
            problems.add(new FieldProblem("override.reason", "must be at most 1000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        VeinType veinType = c.veinType() == null ? area.veinType() : c.veinType();
        DoseCheck.Injection candidate = new DoseCheck.Injection(lot.agent(), concentration, form, c.volumeMl(),
                form == DoseCheck.Form.FOAM ? lp : 1, form == DoseCheck.Form.FOAM ? gp : 4, veinType);
        DoseCheck.Result result = dose(me, s, candidate, protocol);
        String overrideCodes = null;
        if (result.status() == DoseCheck.Status.BLOCK) {
            DoseLimitReached limit = new DoseLimitReached(result);
            if (overrideReason == null) {
                throw new RefusedException(limit);
            }
            List<String> blocking = limit.blocking();
            overrideCodes = String.join(",", blocking);
        } else {
            overrideReason = null;
        }
        boolean added = store.insertInjection(new TreatmentStore.NewInjection(sessionId, area.id(), c.x(), c.y(),
                c.view(), lot.agent(), lot.id(), concentration, form.name(),
                form == DoseCheck.Form.FOAM ? lp : null, form == DoseCheck.Form.FOAM ? gp : null,
                form == DoseCheck.Form.FOAM ? (c.gas() == null ? ChartInjection.Gas.AIR : c.gas()).name() : null,
                c.volumeMl(), gauge, veinType.name(), Boolean.TRUE.equals(c.ultrasound()), overrideCodes,
                overrideReason, now(), me.getUsername()));
        if (!added) {
            throw signedConflict();
        }
        accessLog.record(me.clinicId(), s.patientId(), AccessAction.CHART_INJECTION, "session " + sessionId
                + (overrideCodes == null ? "" : ", dose override " + overrideCodes));
        return load(me, sessionId);
    }

    /** Repeats the last injection (agent, lot, strength, form, volume, needle) at a new point, in one step. */
    @Transactional
    public TreatmentSession repeat(VenulaPrincipal me, long sessionId, Long areaId, BigDecimal x, BigDecimal y,
            String view, String overrideReason) {
        me.requireClinicalRecord();
        TreatmentSession s = open(me, sessionId);
        TreatmentSession.Injection last = s.injections().stream().filter(TreatmentSession.Injection::counts)
                .reduce((a, b) -> b).orElseThrow(() -> new InvalidInputException("injections",
                        "there is no injection to repeat yet: chart the first one in full"));
        return chart(me, sessionId, new ChartInjection(areaId == null ? last.areaId() : areaId, x, y,
                view == null ? last.view() : view, last.lotId(), last.concentrationPercent(),
                DoseCheck.Form.valueOf(last.form()),
                last.liquidParts() == null ? null : BigDecimal.valueOf(last.liquidParts()),
                last.gasParts() == null ? null : BigDecimal.valueOf(last.gasParts()),
                last.gas() == null ? null : ChartInjection.Gas.valueOf(last.gas()), last.volumeMl(),
                last.needleGauge(), areaId == null ? VeinType.valueOf(last.veinType()) : null, last.ultrasound(),
                overrideReason == null ? null : new ChartInjection.Override(overrideReason)));
    }

    @Transactional
    public TreatmentSession voidInjection(VenulaPrincipal me, long sessionId, long injectionId, String reason) {
        me.requireClinicalRecord();
        TreatmentSession s = open(me, sessionId);
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new InvalidInputException("reason", "is required: say why the injection is struck out");
        }
        if (s.injections().stream().noneMatch(i -> i.id() == injectionId)) {
            throw new NotFoundException("Injection " + injectionId);
        }
        if (!store.voidInjection(sessionId, injectionId, reason.trim(), now(), me.getUsername())) {
            throw new ConflictException("injection-voided", null, "This injection is already struck out, or the "
                    + "session has been signed.");
        }
        accessLog.record(me.clinicId(), s.patientId(), AccessAction.UPDATE_SESSION, "void injection " + injectionId);
        return load(me, sessionId);
    }

    @Transactional
    public TreatmentSession compression(VenulaPrincipal me, long sessionId, Compression c) {
        me.requireClinicalRecord();
        TreatmentSession s = open(me, sessionId);
        List<FieldProblem> problems = new ArrayList<>();
        if (c.type() == null) {
            problems.add(new FieldProblem("type", "is required: STOCKING or BANDAGE"));
        }
        if (c.length() == null) {
            problems.add(new FieldProblem("length", "is required: KNEE or THIGH"));
        }
        if (c.standard() == null) {
            problems.add(new FieldProblem("standard", "is required: UK, RAL or US (a class number alone is ambiguous)"));
        }
        if (c.lowMmHg() == null || c.lowMmHg() < 5 || c.lowMmHg() > 60) {
            problems.add(new FieldProblem("lowMmHg", "is required: 5 to 60 mmHg"));
        }
        if (c.highMmHg() == null || c.highMmHg() > 60 || c.lowMmHg() != null && c.highMmHg() < c.lowMmHg()) {
            problems.add(new FieldProblem("highMmHg", "is required: from lowMmHg up to 60 mmHg"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!store.setCompression(sessionId, c, now(), me.getUsername())) {
            throw signedConflict();
        }
        accessLog.record(me.clinicId(), s.patientId(), AccessAction.UPDATE_SESSION, "compression");
        return load(me, sessionId);
    }

    @Transactional
    public TreatmentSession reactions(VenulaPrincipal me, long sessionId, Reactions r) {
        me.requireClinicalRecord();
        TreatmentSession s = open(me, sessionId);
        if (r.reactions() == null || r.reactions().isEmpty()) {
            throw new InvalidInputException("reactions", "is required: NONE, or the reactions seen");
        }
        Set<Reactions.Reaction> set = new LinkedHashSet<>(r.reactions());
        if (set.contains(Reactions.Reaction.NONE) && set.size() > 1) {
            throw new InvalidInputException("reactions", "NONE cannot be combined with a reaction");
        }
        String action = r.action() == null || r.action().isBlank() ? null : r.action().trim();
        if (!set.contains(Reactions.Reaction.NONE) && action == null) {
            throw new InvalidInputException("action", "is required: say what was done");
        }
        if (action != null && action.length() > 2000) {
            throw new InvalidInputException("action", "must be at most 2000 characters");
        }
        if (!store.setReactions(sessionId, new Reactions(List.copyOf(set), action), now(), me.getUsername())) {
            throw signedConflict();
        }
        accessLog.record(me.clinicId(), s.patientId(), AccessAction.UPDATE_SESSION, "reactions " + set);
        return load(me, sessionId);
    }

    /** Signs and locks the session, then publishes {@link SessionSigned} in the same transaction. */
    @Transactional
    public TreatmentSession sign(VenulaPrincipal me, long sessionId) {
        me.requireClinicalRecord();
        TreatmentSession s = open(me, sessionId);
        store.lock(sessionId);
        List<FieldProblem> problems = new ArrayList<>();
        List<TreatmentSession.Injection> counting = s.injections().stream()
                .filter(TreatmentSession.Injection::counts).toList();
        if (counting.isEmpty()) {
            problems.add(new FieldProblem("injections", "chart at least one injection before signing"));
        }
        if (s.compression() == null) {
            problems.add(new FieldProblem("compression", "record the compression applied before signing"));
        }
        if (s.reactions() == null) {
            problems.add(new FieldProblem("reactions", "record immediate reactions (or NONE) before signing"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!store.sign(sessionId, now(), me.getUsername())) {
            throw signedConflict();
        }
        TreatmentPlan plan = plans.get(me, s.planId());
        Set<String> veinTypes = new LinkedHashSet<>();
        counting.forEach(i -> veinTypes.add(i.veinType()));
        boolean foam = counting.stream().anyMatch(i -> "FOAM".equals(i.form()));
        events.publishEvent(new SessionSigned(me.clinicId(), s.patientId(), sessionId, s.planId(),
                s.practitionerId(), s.sessionDate(), veinTypes, foam,
                Boolean.TRUE.equals(patients.get(me, s.patientId()).prolongedStanding()), s.protocol(),
                store.signedSessionsOfPlan(s.planId()), plan.sessions(), me.getUsername()));
        accessLog.record(me.clinicId(), s.patientId(), AccessAction.SIGN_SESSION, "session " + sessionId);
        return load(me, sessionId);
    }

    @Transactional
    public TreatmentSession addendum(VenulaPrincipal me, long sessionId, String reason, String text) {
        me.requireClinicalRecord();
        TreatmentSession s = find(me, sessionId);
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
        store.insertAddendum(sessionId, reason.trim(), text.trim(), now(), me.getUsername());
        accessLog.record(me.clinicId(), s.patientId(), AccessAction.ADD_ADDENDUM, "session " + sessionId);
        return load(me, sessionId);
    }

    /** The dose check over the session (plus a candidate injection), sharing the day's dose with other sessions. */
    private DoseCheck.Result dose(VenulaPrincipal me, TreatmentSession s, DoseCheck.Injection candidate,
            ProtocolDocument protocol) {
        List<DoseCheck.Injection> session = new ArrayList<>(s.injections().stream()
                .filter(TreatmentSession.Injection::counts).map(Sessions::toCheck).toList());
        if (candidate != null) {
            session.add(candidate);
        }
        List<DoseCheck.Injection> earlier = store.otherInjectionsOn(me.clinicId(), s.patientId(), s.sessionDate(),
                s.id()).stream().map(Sessions::toCheck).toList();
        return DoseCheck.check(s.weightKg(), DoseCheck.Limits.of(protocol), Set.copyOf(s.restrictions()),
                session, earlier);
    }

    private static DoseCheck.Injection toCheck(TreatmentSession.Injection i) {
        return new DoseCheck.Injection(i.agent(), i.concentrationPercent(), DoseCheck.Form.valueOf(i.form()),
                i.volumeMl(), i.liquidParts() == null ? 1 : i.liquidParts(), i.gasParts() == null ? 4 : i.gasParts(),
                VeinType.valueOf(i.veinType()));
    }

    /** The protocol version the session was started under. */
    public ProtocolDocument protocol(VenulaPrincipal me, TreatmentSession s) {
        return protocols.version(me.clinicId(), s.protocol().version()).document();
    }

    private TreatmentSession find(VenulaPrincipal me, long sessionId) {
        return store.find(me.clinicId(), sessionId).orElseThrow(() -> new NotFoundException("Session " + sessionId));
    }

    /** The session as answered to the caller, with the dose check over it. */
    private TreatmentSession load(VenulaPrincipal me, long sessionId) {
        TreatmentSession s = find(me, sessionId);
        return s.withDose(dose(me, s, null, protocol(me, s)));
    }

    /** The session, refused (409) once signed. Without the dose check: the caller runs it when it needs it. */
    private TreatmentSession open(VenulaPrincipal me, long sessionId) {
        TreatmentSession s = find(me, sessionId);
        if (s.signed()) {
            throw signedConflict();
        }
        return s;
    }

    private static ConflictException signedConflict() {
        return new ConflictException("session-signed", null,
                "The session is signed and locked; corrections are made by an addendum.");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

}

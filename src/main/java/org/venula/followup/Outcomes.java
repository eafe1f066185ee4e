package org.venula.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.aftercare.CheckInRecorded;
import org.venula.assessment.Consultation;
import org.venula.assessment.Consultations;
import org.venula.clinic.ClinicDetails;
import org.venula.clinic.Clinics;
import org.venula.clinic.PractitionerView;
import org.venula.clinic.VenulaPrincipal;
import org.venula.followup.internal.FollowUpStore;
import org.venula.followup.internal.OutcomeStore;
import org.venula.followup.rules.ComplicationRules;
import org.venula.followup.rules.FollowUpSchedule;
import org.venula.followup.rules.ReviewTiming;
import org.venula.followup.rules.FollowUpSchedule.Kind;
import org.venula.followup.rules.Stats;
import org.venula.patient.Patients;
import org.venula.planning.Plans;
import org.venula.planning.TreatmentPlan;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.Protocols;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;
import org.venula.treatment.Sessions;
import org.venula.treatment.TreatmentSession;

/**
 * Review visits and the complications register. A review closes the due review, and its decision sets what comes
 * next (another session in the interval window, or a maintenance recall, sooner when clearance is incomplete). Serious
 * complications wait for the clinic lead with a prompt to report to the regulator.
 */
@Service
public class Outcomes {

    static final Set<Integer> CLEARANCE_STEPS = Set.of(0, 25, 50, 75, 90, 100);
    static final List<String> DECISIONS = List.of("ANOTHER_SESSION", "TOUCH_UP", "DISCHARGE", "REFER");
    static final java.util.regex.Pattern CEAP = java.util.regex.Pattern.compile("C[0-6](r|a|b|c)?");

    private final OutcomeStore store;
    private final FollowUpStore tasks;
    private final Plans plans;
    private final Consultations consultations;
    private final Sessions sessions;
    private final Patients patients;
    private final Protocols protocols;
    private final Clinics clinics;
    private final AccessLog accessLog;
    private final Clock clock;
    private final ClinicDetails details;

    Outcomes(OutcomeStore store, FollowUpStore tasks, Plans plans, Consultations consultations, Sessions sessions,
            Patients patients, Protocols protocols, Clinics clinics, AccessLog accessLog, Clock clock,
            ClinicDetails details) {
        this.store = store;
        this.tasks = tasks;
        this.plans = plans;
        this.consultations = consultations;
        this.sessions = sessions;
        this.patients = patients;
        this.protocols = protocols;
        this.clinics = clinics;
        this.accessLog = accessLog;
        this.clock = clock;
        this.details = details;
    }

    /** How the clinic reports a serious event to the regulator (the clinic's settings). */
    public String regulatorPrompt(long clinicId) {
        return details.current(clinicId).regulatorPrompt();
    }

    // ---- reviews

    @Transactional
    public Review recordReview(VenulaPrincipal me, long patientId, RecordReview r) {
        me.requireClinicalRecord();
        PractitionerView practitioner = clinics.practitionerOfUser(me.userId()).orElseThrow(
                () -> new AccessDeniedException("Only a practitioner records a review"));
        patients.get(me, patientId);
        LocalDate today = clinics.today(me.clinicId());
        List<FieldProblem> problems = new ArrayList<>();
        TreatmentPlan plan = null;
        if (r.planId() == null) {
            problems.add(new FieldProblem("planId", "is required: the course being reviewed"));
        } else {
            try {
                plan = plans.get(me, r.planId());
                if (plan.patientId() != patientId) {
                    problems.add(new FieldProblem("planId", "is not a plan of this patient"));
                    plan = null;
                }
            } catch (NotFoundException e) {
                problems.add(new FieldProblem("planId", "is not a plan of this clinic"));
            }
        }
        LocalDate on = r.reviewedOn() == null ? today : r.reviewedOn();
        if (on.isAfter(today)) {
            problems.add(new FieldProblem("reviewedOn", "must not be in the future"));
        }
        Consultation consultation = plan == null ? null : consultations.get(me, plan.consultationId());
        List<RecordReview.Area> areas = r.areas() == null ? List.of() : r.areas();
        if (areas.isEmpty()) {
            problems.add(new FieldProblem("areas", "record the clearance of at least one mapped area"));
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < areas.size(); i++) {
            RecordReview.Area a = areas.get(i);
            String path = "areas[" + i + "].";
            if (a == null || a.areaId() == null || consultation != null
                    && consultation.areas().stream().noneMatch(x -> x.id() == a.areaId())) {
                problems.add(new FieldProblem(path + "areaId", "must be an area mapped at the consultation"));
            } else if (!seen.add(a.areaId())) {
                problems.add(new FieldProblem(path + "areaId", "appears twice"));
            }
            if (a == null || a.clearancePercent() == null || !CLEARANCE_STEPS.contains(a.clearancePercent())) {
                problems.add(new FieldProblem(path + "clearancePercent", "must be 0, 25, 50, 75, 90 or 100"));
            }
            if (a != null && a.drainageNote() != null && a.drainageNote().length() > 500) {
                problems.add(new FieldProblem(path + "drainageNote", "must be at most 500 characters"));
            }
        }
        if (r.satisfaction() != null && (r.satisfaction() < 1 || r.satisfaction() > 5)) {
            problems.add(new FieldProblem("satisfaction", "must be from 1 (very unhappy) to 5 (very pleased)"));
        }
        for (var ceap : List.of(new String[] {"ceapLeft", r.ceapLeft()}, new String[] {"ceapRight", r.ceapRight()})) {
            if (ceap[1] != null && !CEAP.matcher(ceap[1]).matches()) {
                problems.add(new FieldProblem(ceap[0], "must be a CEAP clinical class, C0 to C6"));
            }
        }
        for (var vcss : List.of(new Object[] {"vcssLeft", r.vcssLeft()}, new Object[] {"vcssRight", r.vcssRight()})) {
            if (vcss[1] != null && ((Integer) vcss[1] < 0 || (Integer) vcss[1] > 30)) {
                problems.add(new FieldProblem((String) vcss[0], "must be from 0 to 30"));
            }
        }
        if (r.decision() == null || !DECISIONS.contains(r.decision())) {
            problems.add(new FieldProblem("decision", "must be ANOTHER_SESSION, TOUCH_UP, DISCHARGE or REFER"));
        }
        if (r.recallOn() != null && !r.recallOn().isAfter(on)) {
            problems.add(new FieldProblem("recallOn", "must be after the review"));
        }
        if (r.notes() != null && r.notes().length() > 2000) {
            problems.add(new FieldProblem("notes", "must be at most 2000 characters"));
        }
        if (r.reason() != null && r.reason().length() > 1000) {
            problems.add(new FieldProblem("reason", "must be at most 1000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long planId = plan.id();
        List<TreatmentSession> signed = sessions.forPatient(me, patientId).stream()
                .filter(s -> s.signed() && s.planId() == planId).toList();
        TreatmentSession last = signed.stream().max(Comparator.comparing(TreatmentSession::sessionDate)
                .thenComparing(TreatmentSession::id)).orElse(null);
        ProtocolDocument protocol = protocols.active(me.clinicId()).document();
        String timingConcerns = timing(protocol, plan, signed, last, on, r.decision()).stream()
                .map(ReviewTiming.Finding::message).collect(java.util.stream.Collectors.joining(" "));
        if (!timingConcerns.isEmpty() && (r.reason() == null || r.reason().isBlank())) {
            throw new InvalidInputException("reason", "is required: " + timingConcerns);
        }
        Double median = Stats.median(areas.stream().map(RecordReview.Area::clearancePercent).toList());
        LocalDate recallOn = null;
        if ("DISCHARGE".equals(r.decision())) {
            recallOn = r.recallOn() != null ? r.recallOn() : FollowUpSchedule.recallAfterDischarge(on, median,
                    protocol.booking().maintenanceRecallMonths().value(),
                    protocol.booking().incompleteClearanceRecallMonths().value(),
                    protocol.booking().completeClearancePercent().value());
        }
        long id = store.insertReview(new OutcomeStore.NewReview(me.clinicId(), patientId, practitioner.id(), planId,
                last == null ? null : last.id(), r, on, recallOn, timingConcerns.isEmpty() ? null : timingConcerns,
                now(), me.getUsername()));
        OffsetDateTime now = now();
        tasks.complete(me.clinicId(), patientId, Kind.REVIEW, -1, "Reviewed on " + on, now, me.getUsername());
        if (last != null) {
            switch (r.decision()) {
                case "ANOTHER_SESSION", "TOUCH_UP" -> {
                    tasks.complete(me.clinicId(), patientId, Kind.NEXT_SESSION, -1, "Replaced by review " + id, now,
                            me.getUsername());
                    LocalDate from = last.sessionDate().plusDays(protocol.plan().intervalMinDays().value());
                    LocalDate earliest = from.isBefore(on) ? on : from;
                    LocalDate until = last.sessionDate().plusDays(protocol.plan().intervalTypicalDays().value());
                    tasks.insertIfAbsent(me.clinicId(), patientId, last.id(), last.practitionerId(),
                            Kind.NEXT_SESSION, earliest, until.isBefore(earliest) ? earliest : until, now,
                            me.getUsername());
                }
                case "DISCHARGE" -> {
                    tasks.complete(me.clinicId(), patientId, Kind.MAINTENANCE_RECALL, -1, "Replaced by review " + id,
                            now, me.getUsername());
                    tasks.complete(me.clinicId(), patientId, Kind.NEXT_SESSION, -1, "Discharged at review " + id, now,
                            me.getUsername());
                    tasks.insertIfAbsent(me.clinicId(), patientId, last.id(), last.practitionerId(),
                            Kind.MAINTENANCE_RECALL, recallOn, null, now, me.getUsername());
                }
                default -> tasks.complete(me.clinicId(), patientId, Kind.NEXT_SESSION, -1, "Referred at review " + id,
                        now, me.getUsername());
            }
        }
        accessLog.record(me.clinicId(), patientId, AccessAction.RECORD_REVIEW, "review " + id + ": " + r.decision());
        return store.review(me.clinicId(), id).orElseThrow();
    }

    /**
     * What would make a review of this course today need a reason, for each decision the clinician may take (the
     * review form shows it before they save).
     */
    @Transactional
    public Map<String, List<String>> reviewTiming(VenulaPrincipal me, long patientId, long planId) {
        me.requireClinicalRecord();
        TreatmentPlan plan = plans.get(me, planId);
        if (plan.patientId() != patientId) {
            throw new NotFoundException("Plan " + planId);
        }
        List<TreatmentSession> signed = sessions.forPatient(me, patientId).stream()
                .filter(s -> s.signed() && s.planId() == planId).toList();
        TreatmentSession last = signed.stream().max(Comparator.comparing(TreatmentSession::sessionDate)
                .thenComparing(TreatmentSession::id)).orElse(null);
        ProtocolDocument protocol = protocols.active(me.clinicId()).document();
        LocalDate today = clinics.today(me.clinicId());
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (String decision : DECISIONS) {
            out.put(decision, timing(protocol, plan, signed, last, today, decision).stream()
                    .map(ReviewTiming.Finding::message).toList());
        }
        return out;
    }

    private static List<ReviewTiming.Finding> timing(ProtocolDocument protocol, TreatmentPlan plan,
            List<TreatmentSession> signed, TreatmentSession last, LocalDate on, String decision) {
        return ReviewTiming.check(new ReviewTiming.Facts(last == null ? null : last.sessionDate(), signed.size(),
                plan.sessions(), on, decision), new ReviewTiming.Window(protocol.booking().reviewFromDays().value(),
                        protocol.booking().reviewToDays().value()));
    }

    @Transactional
    public List<Review> reviews(VenulaPrincipal me, long patientId) {
        me.requireClinicalRecord();
        patients.get(me, patientId);
        accessLog.record(me.clinicId(), patientId, AccessAction.VIEW_REVIEWS, null);
        return store.reviews(me.clinicId(), patientId);
    }

    // ---- complications

    @Transactional
    public Complication report(VenulaPrincipal me, long patientId, ReportComplication c) {
        me.requireClinicalRecord();
        patients.get(me, patientId);
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
                "CONFIRMED", ComplicationRules.serious(type, severity), now(), me.getUsername()));
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
                    e.checkInId(), type.name(), e.onDate(), severity.name(), "CHECK_IN",
                    "Proposed from the patient's check-in (" + symptom + ")", null, "PROPOSED",
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
        if (c.status() != null && !"PROPOSED".equals(c.status()) || !store.decide(me.clinicId(), id, "CONFIRMED", null,
                s.name(), ComplicationRules.serious(ComplicationRules.Type.valueOf(c.type()), s), management,
                severityReason, now(), me.getUsername())) {
            throw new ConflictException("complication-decided", null, "Only a proposed complication is confirmed.");
        }
        accessLog.record(me.clinicId(), c.patientId(), AccessAction.UPDATE_COMPLICATION, "confirmed " + id);
        return complication(me, id);
    }

    @Transactional
    public Complication reject(VenulaPrincipal me, long id, String reason) {
        me.requireClinicalRecord();
        Complication c = complication(me, id);
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new InvalidInputException("reason", "is required: say why this is not a complication");
        }
        if (!store.decide(me.clinicId(), id, "REJECTED", reason.trim(), null, c.serious(), null, null, now(),
                me.getUsername())) {
            throw new ConflictException("complication-decided", null, "Only a proposed complication is rejected.");
        }
        accessLog.record(me.clinicId(), c.patientId(), AccessAction.UPDATE_COMPLICATION, "rejected " + id);
        return complication(me, id);
    }

    @Transactional
    public Complication resolve(VenulaPrincipal me, long id, LocalDate on) {
        me.requireClinicalRecord();
        Complication c = complication(me, id);
        LocalDate day = on == null ? clinics.today(me.clinicId()) : on;
        if (day.isBefore(c.onsetOn()) || day.isAfter(clinics.today(me.clinicId()))) {
            throw new InvalidInputException("resolvedOn", "must be between the onset and today");
        }
        if (!store.resolve(me.clinicId(), id, day, now(), me.getUsername())) {
            throw new ConflictException("complication-resolved", null, "This complication is already resolved.");
        }
        accessLog.record(me.clinicId(), c.patientId(), AccessAction.UPDATE_COMPLICATION, "resolved " + id);
        return complication(me, id);
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
        if (!store.leadReview(me.clinicId(), id, report.trim(), now(), me.getUsername())) {
            throw new ConflictException("not-awaiting-lead", null,
                    "Only a serious complication not yet reviewed by the lead can be reviewed.");
        }
        accessLog.record(me.clinicId(), c.patientId(), AccessAction.UPDATE_COMPLICATION, "lead review " + id);
        return complication(me, id);
    }

    @Transactional
    public List<Complication> complications(VenulaPrincipal me, long patientId) {
        me.requireClinicalRecord();
        patients.get(me, patientId);
        return store.complications(me.clinicId(), patientId);
    }

    /** Proposed complications to confirm, and serious ones waiting for the clinic lead. */
    @Transactional
    public List<Complication> waiting(VenulaPrincipal me) {
        me.requireClinicalRecord();
        List<Complication> waiting = store.waiting(me.clinicId());
        accessLog.recordShown(me.clinicId(), waiting.stream().map(Complication::patientId).toList(),
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

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

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.assessment.Consultation;
import org.venula.assessment.Consultations;
import org.venula.clinic.Clinics;
import org.venula.clinic.PractitionerView;
import org.venula.clinic.VenulaPrincipal;
import org.venula.followup.internal.FollowUpStore;
import org.venula.followup.internal.OutcomeStore;
import org.venula.followup.rules.FollowUpSchedule;
import org.venula.followup.rules.FollowUpSchedule.Kind;
import org.venula.followup.rules.ReviewDating;
import org.venula.followup.rules.ReviewDecision;
import org.venula.followup.rules.ReviewTiming;
import org.venula.followup.rules.Stats;
import org.venula.patient.Patients;
import org.venula.planning.Plans;
import org.venula.planning.TreatmentPlan;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.Protocols;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;
import org.venula.treatment.Sessions;
import org.venula.treatment.TreatmentSession;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Review visits. A review closes the due review, and its decision sets what comes next (another session in the
 * interval window, or a maintenance recall, sooner when clearance is incomplete; {@link ReviewDating}).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Reviews {

    static final Set<Integer> CLEARANCE_STEPS = Set.of(0, 25, 50, 75, 90, 100);
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

    @Transactional
    public Review recordReview(VenulaPrincipal me, long patientId, RecordReview r) {
        PractitionerView practitioner = clinics.practitionerDoing(me, "Only a practitioner records a review");
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
        ReviewDecision decision = ReviewDecision.of(r.decision());
        FieldProblem.required(problems, "decision", decision, "must be ANOTHER_SESSION, TOUCH_UP, DISCHARGE or REFER");
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
        String timingConcerns = timing(protocol, plan, signed, last, on, decision).stream()
                .map(ReviewTiming.Finding::message).collect(java.util.stream.Collectors.joining(" "));
        if (!timingConcerns.isEmpty() && (r.reason() == null || r.reason().isBlank())) {
            throw new InvalidInputException("reason", "is required: " + timingConcerns);
        }
        Double median = Stats.median(areas.stream().map(RecordReview.Area::clearancePercent).toList());
        ReviewDating.Settings dating = new ReviewDating.Settings(protocol.plan().intervalMinDays().value(),
                protocol.plan().intervalTypicalDays().value(), protocol.booking().maintenanceRecallMonths().value(),
                protocol.booking().incompleteClearanceRecallMonths().value(),
                protocol.booking().completeClearancePercent().value());
        LocalDate recallOn = ReviewDating.recallOn(decision, on, median, r.recallOn(), dating);
        long id = store.insertReview(new OutcomeStore.NewReview(me.clinicId(), patientId, practitioner.id(), planId,
                last == null ? null : last.id(), r, on, recallOn, timingConcerns.isEmpty() ? null : timingConcerns,
                now(), me.getUsername()));
        OffsetDateTime now = now();
        tasks.complete(me.clinicId(), patientId, Kind.REVIEW, -1, "Reviewed on " + on, now, me.getUsername());
        if (last != null) {
            switch (decision) {
                case ANOTHER_SESSION, TOUCH_UP -> {
                    tasks.complete(me.clinicId(), patientId, Kind.NEXT_SESSION, -1, "Replaced by review " + id, now,
                            me.getUsername());
                    FollowUpSchedule.Due next = ReviewDating.nextSession(last.sessionDate(), on, dating);
                    tasks.insertIfAbsent(me.clinicId(), patientId, last.id(), last.practitionerId(),
                            Kind.NEXT_SESSION, next.from(), next.until(), now, me.getUsername());
                }
                case DISCHARGE -> {
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
        for (ReviewDecision decision : ReviewDecision.values()) {
            out.put(decision.name(), timing(protocol, plan, signed, last, today, decision).stream()
                    .map(ReviewTiming.Finding::message).toList());
        }
        return out;
    }

    private static List<ReviewTiming.Finding> timing(ProtocolDocument protocol, TreatmentPlan plan,
            List<TreatmentSession> signed, TreatmentSession last, LocalDate on, ReviewDecision decision) {
        return ReviewTiming.check(new ReviewTiming.Facts(last == null ? null : last.sessionDate(), signed.size(),
                plan.sessions(), on, decision), new ReviewTiming.Window(protocol.booking().reviewFromDays().value(),
                        protocol.booking().reviewToDays().value()));
    }

    @Transactional
    public List<Review> reviews(VenulaPrincipal me, long patientId) {
        patients.openClinicalRecord(me, patientId);
        accessLog.record(me.clinicId(), patientId, AccessAction.VIEW_REVIEWS, null);
        return store.reviews(me.clinicId(), patientId);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

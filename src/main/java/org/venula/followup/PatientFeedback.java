package org.venula.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.followup.internal.FeedbackStore;
import org.venula.followup.internal.FollowUpStore;
import org.venula.followup.rules.AfterTheCourse;
import org.venula.followup.rules.FollowUpSchedule;
import org.venula.patient.Patients;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * What the portal asks of a patient after their course ({@link AfterTheCourse}): how satisfied they are, on the scale
 * the review records, and the maintenance recall as an invitation to book a consultation. A patient's answer is kept
 * as they gave it, once per course; the clinician sees it on the review form (filled in from it) and the chart's
 * follow-up panel, and records their own at the review.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PatientFeedback {

    private static final int COMMENT_MAX = 1000;

    private final FeedbackStore store;
    private final FollowUpStore followUps;
    private final Patients patients;
    private final Clinics clinics;
    private final AccessLog accessLog;
    private final Clock clock;

    /** A patient's answer about a course, which ended with the session of {@code sessionDate}. */
    public record Feedback(long id, long patientId, long sessionId, LocalDate sessionDate, int satisfaction,
            boolean wouldRepeat, String comment, OffsetDateTime createdAt) {
    }

    /** What the patient answers: satisfaction 1 (very unhappy) to 5 (very pleased), would they have it again. */
    public record Answer(Integer satisfaction, Boolean wouldRepeat, String comment) {
    }

    /**
     * What the portal asks of the patient now: the satisfaction questionnaire (null when none is due) and the
     * maintenance recall to book (null when none is due yet).
     */
    public record AfterCourse(AfterTheCourse.SatisfactionAsk satisfaction, AfterTheCourse.RecallInvitation recall) {
    }

    /** For the patient signed in to the portal (logged as their own view). */
    @Transactional
    public AfterCourse own(long clinicId, long patientId) {
        accessLog.recordByPortalPatient(clinicId, patientId, AccessAction.VIEW_REVIEWS, "own follow-up");
        return now(clinicId, patientId);
    }

    /**
     * The patient's answer to the questionnaire that is due; 409 {@code no-feedback-due} when none is (too early, or
     * already answered, under any race).
     */
    @Transactional
    public Feedback answer(long clinicId, long patientId, Answer a) {
        List<FieldProblem> problems = new ArrayList<>();
        if (a == null || a.satisfaction() == null || a.satisfaction() < 1 || a.satisfaction() > 5) {
            problems.add(new FieldProblem("satisfaction", "is required: from 1 (very unhappy) to 5 (very pleased)"));
        }
        if (a == null || a.wouldRepeat() == null) {
            problems.add(new FieldProblem("wouldRepeat", "is required: would you have the treatment again (yes or no)"));
        }
        String comment = a == null || a.comment() == null || a.comment().isBlank() ? null : a.comment().strip();
        if (comment != null && comment.length() > COMMENT_MAX) {
            problems.add(new FieldProblem("comment", "must be at most " + COMMENT_MAX + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        AfterTheCourse.SatisfactionAsk ask = Optional.ofNullable(now(clinicId, patientId).satisfaction())
                .orElseThrow(PatientFeedback::notDue);
        if (!store.insert(clinicId, patientId, ask.sessionId(), a.satisfaction(), a.wouldRepeat(), comment,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), AccessLog.PORTAL_ACTOR)) {
            throw notDue();
        }
        accessLog.recordByPortalPatient(clinicId, patientId, AccessAction.GIVE_FEEDBACK, "satisfaction "
                + a.satisfaction() + ", would repeat " + a.wouldRepeat() + " (course ending " + ask.sessionDate() + ")");
        return store.forSession(clinicId, patientId, ask.sessionId()).orElseThrow();
    }

    /** The patient's answers, newest first, for staff who see the clinical record (times in the clinic's zone). */
    @Transactional
    public List<Feedback> forPatient(VenulaPrincipal me, long patientId) {
        patients.openClinicalRecord(me, patientId);
        return inClinicZone(me.clinicId(), store.forPatient(me.clinicId(), patientId));
    }

    /** The patient's answer about a course of this treatment plan, if they gave one, for the review form. */
    @Transactional
    public Optional<Feedback> forPlan(VenulaPrincipal me, long patientId, long planId) {
        patients.openClinicalRecord(me, patientId);
        return inClinicZone(me.clinicId(), store.forPlan(me.clinicId(), patientId, planId)).stream().findFirst();
    }

    private List<Feedback> inClinicZone(long clinicId, List<Feedback> answers) {
        ZoneId zone = clinics.clinic(clinicId).zone();
        return answers.stream().map(f -> new Feedback(f.id(), f.patientId(), f.sessionId(), f.sessionDate(),
                f.satisfaction(), f.wouldRepeat(), f.comment(), f.createdAt().atZoneSameInstant(zone)
                .toOffsetDateTime())).toList();
    }

    private AfterCourse now(long clinicId, long patientId) {
        LocalDate today = clinics.today(clinicId);
        ZoneId zone = clinics.clinic(clinicId).zone();
        List<AfterTheCourse.Task> tasks = followUps.forPatient(clinicId, patientId, today, zone).stream()
                .map(t -> new AfterTheCourse.Task(t.sessionId(), t.sessionDate(), t.kind(), t.dueFrom(),
                        FollowUpSchedule.Status.valueOf(t.status())))
                .toList();
        return new AfterCourse(
                AfterTheCourse.satisfactionAsk(tasks, store.answeredSessions(clinicId, patientId), today).orElse(null),
                AfterTheCourse.recallInvitation(tasks, today, FollowUps.DEFAULT_WITHIN_DAYS).orElse(null));
    }

    private static ConflictException notDue() {
        return new ConflictException("no-feedback-due", null, "There is no questionnaire to answer now: it opens at "
                + "the review after the last session of a course, and is answered once.");
    }
}

package org.venula.chart;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.venula.assessment.Consultation;
import org.venula.followup.FollowUpTask;
import org.venula.planning.TreatmentPlan;
import org.venula.scheduling.Appointment;
import org.venula.scheduling.rules.PathwayRules.Status;
import org.venula.screening.StoredScreening;
import org.venula.screening.rules.Outcome;
import org.venula.shared.Labels;
import org.venula.treatment.TreatmentSession;

/**
 * The chart's pathway strip: one step per stage, each with what it says now and whether it is done, waits on
 * something, or calls for attention. Built from what the capabilities already answer; decides nothing clinical (the
 * booking and session rules do).
 */
record PathwayStrip(List<Step> steps) {

    enum State { DONE, WAITING, ATTENTION, NONE }

    /** {@code href} is where the step is acted on, or null. */
    record Step(String name, String text, String detail, State state, String href) {
    }

    /** The clinical stages, for users who see the clinical record; appointments and follow-up for everyone. */
    static PathwayStrip of(long patientId, LocalDate today, boolean clinical, Optional<StoredScreening> screening,
            List<Consultation> consultations, List<TreatmentPlan> plans, List<TreatmentSession> sessions,
            List<Appointment> appointments, List<FollowUpTask> tasks) {
        List<Step> steps = new ArrayList<>();
        String chart = "/patients/" + patientId;
        if (clinical) {
            steps.add(screening(screening, chart));
            steps.add(consultation(consultations, chart));
            TreatmentPlan plan = plans.isEmpty() ? null : plans.get(0);
            steps.add(planAndConsent(plan));
            steps.add(sessions(plan, sessions, chart));
        }
        steps.add(nextAppointment(appointments, today, patientId));
        steps.add(reviewDue(tasks));
        return new PathwayStrip(List.copyOf(steps));
    }

    private static Step screening(Optional<StoredScreening> latest, String chart) {
        String href = chart + "/screening";
        if (latest.isEmpty()) {
            return new Step("Screening", "Not screened", null, State.WAITING, href);
        }
        StoredScreening s = latest.get();
        String on = "on " + day(s.asOf());
        if (s.needsSignOff()) {
            return new Step("Screening", "Caution: sign-off needed", on, State.ATTENTION, href);
        }
        State state = s.clearsForTreatment() ? State.DONE : State.ATTENTION;
        String text = Labels.sentence(s.outcome().name()) + (s.outcome() == Outcome.CAUTION ? ", signed off" : "");
        String detail = s.outcome() == Outcome.DEFER && s.earliestTreatmentDate() != null
                ? "until " + day(s.earliestTreatmentDate()) : on;
        return new Step("Screening", text, detail, state, href);
    }

    private static Step consultation(List<Consultation> consultations, String chart) {
        if (consultations.isEmpty()) {
            return new Step("Consultation", "None yet", null, State.WAITING, chart + "/consultations/new");
        }
        Consultation c = consultations.get(0);
        boolean proceed = "PROCEED".equals(c.outcome().name());
        return new Step("Consultation", Labels.sentence(c.outcome().name()), "on " + day(c.consultedOn()),
                proceed ? State.DONE : State.ATTENTION, "/consultations/" + c.id());
    }

    private static Step planAndConsent(TreatmentPlan plan) {
        if (plan == null) {
            return new Step("Plan and consent", "No plan yet", null, State.WAITING, null);
        }
        String href = "/plans/" + plan.id();
        String course = plan.sessions() + (plan.sessions() == 1 ? " session" : " sessions") + " planned";
        if (plan.consentInForce() == null) {
            return new Step("Plan and consent", "Consent not given", course, State.WAITING, href);
        }
        if (!plan.consentInForce().confirmed()) {
            return new Step("Plan and consent", "Consented at home: confirm in the room", course + ", consented "
                    + day(plan.consentInForce().consentedOn()) + " in the portal", State.ATTENTION, href);
        }
        return new Step("Plan and consent", "Consent given", course + ", consented "
                + day(plan.consentInForce().consentedOn()), State.DONE, href);
    }

    private static Step sessions(TreatmentPlan plan, List<TreatmentSession> sessions, String chart) {
        long signed = sessions.stream().filter(TreatmentSession::signed)
                .filter(s -> plan == null || s.planId() == plan.id()).count();
        boolean open = sessions.stream().anyMatch(s -> !s.signed());
        if (plan == null) {
            return new Step("Sessions", signed == 0 ? "None" : signed + " signed", null, State.NONE, null);
        }
        String text = signed + " of " + plan.sessions() + " done";
        String detail = open ? "a session is not signed yet" : null;
        State state = open ? State.ATTENTION : signed >= plan.sessions() ? State.DONE : State.WAITING;
        return new Step("Sessions", text, detail, state, chart + "/sessions/new");
    }

    private static Step nextAppointment(List<Appointment> appointments, LocalDate today, long patientId) {
        Optional<Appointment> next = appointments.stream()
                .filter(a -> a.status() == Status.BOOKED && !a.start().toLocalDate().isBefore(today))
                .min(Comparator.comparing(Appointment::start));
        String book = "/calendar?patientId=" + patientId;
        if (next.isEmpty()) {
            return new Step("Next appointment", "None booked", null, State.NONE, book);
        }
        Appointment a = next.get();
        return new Step("Next appointment", Labels.sentence(a.type().name()), dayAndTime(a.start())
                + (a.practitionerName() == null ? "" : " · " + a.practitionerName()), State.DONE, book);
    }

    private static Step reviewDue(List<FollowUpTask> tasks) {
        Optional<FollowUpTask> due = tasks.stream()
                .filter(t -> "DUE".equals(t.status()) || "BOOKED".equals(t.status()))
                .min(Comparator.comparing(FollowUpTask::dueFrom));
        if (due.isEmpty()) {
            return new Step("Review due", "Nothing due", null, State.NONE, null);
        }
        FollowUpTask t = due.get();
        String window = day(t.dueFrom()) + (t.dueUntil() == null ? "" : " – " + day(t.dueUntil()));
        String text = Labels.sentence(t.kind().name()) + (t.overdue() ? ": overdue"
                : "BOOKED".equals(t.status()) ? ": booked" : "");
        State state = t.overdue() ? State.ATTENTION : "BOOKED".equals(t.status()) ? State.DONE : State.WAITING;
        return new Step("Review due", text, window, state, "/recalls");
    }

    private static String day(LocalDate d) {
        return d.format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK));
    }

    private static String dayAndTime(LocalDateTime t) {
        return t.format(java.time.format.DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", java.util.Locale.UK));
    }
}

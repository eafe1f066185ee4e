package org.venula.followup;

import java.time.LocalDate;
import java.util.List;

/**
 * The clinic's outcome audit over a period of session dates. Rates are per session: the share of signed sessions
 * with at least one confirmed complication of the type, with Wilson 95% intervals.
 */
public record OutcomeAudit(LocalDate from, LocalDate to, long patientsTreated, long sessions, long courses,
        Double sessionsPerCourse, Double medianClearanceFirstReview, Double medianClearanceCourseEnd, long reviews,
        Double meanSatisfaction, Double wouldRepeatShare, List<Rate> complications,
        List<PractitionerRates> practitioners, Rate doseOverrides, long doseOverrideInjections,
        FollowUpCompleteness followUp, List<Funnel> funnels) {

    /** Events in sessions, the rate, its Wilson 95% interval, and the published figure to compare with. */
    public record Rate(String type, long events, long sessions, double rate, double ciLow, double ciHigh,
            Reference reference) {
    }

    public record Reference(Double rate, Double low, Double high, String text, String source) {
    }

    public record PractitionerRates(long practitionerId, String name, long sessions, List<Rate> complications) {
    }

    /**
     * Sessions whose review window has closed, how many were reviewed in it, and who is overdue now (the earliest
     * {@value Audit#OVERDUE_SHOWN}; {@code moreOverdue} when there are more, listed in full on the recalls page).
     */
    public record FollowUpCompleteness(long due, long reviewedInWindow, Double share, List<FollowUpTask> overdue,
            boolean moreOverdue) {
    }

    /**
     * A funnel plot for one complication type: the clinic's rate as the target, each practitioner's rate against
     * their number of sessions, and the 95% and 99.8% control limits sampled along the number of sessions.
     */
    public record Funnel(String type, double target, List<Point> points, List<Limit> limits) {
    }

    public record Point(long practitionerId, String name, long sessions, long events, double rate,
            boolean outside95, boolean outside998) {
    }

    public record Limit(long sessions, double low95, double high95, double low998, double high998) {
    }
}

package org.venula.followup.rules;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When a review needs the clinician's reason: clearance judged outside the protocol's review window after the last
 * session (standard 28-42 days, seed 001: the result shows after weeks, not days), a review with no signed session in
 * the course, or a discharge before the planned sessions are done (seed 004: a course is 2-4 sessions). None of these
 * is refused outright: the clinician may have good cause, and says it.
 */
public final class ReviewTiming {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    public enum Concern { NO_SIGNED_SESSION, BEFORE_WINDOW, AFTER_WINDOW, DISCHARGE_BEFORE_COURSE_END }

    public record Finding(Concern concern, String message) {
    }

    /** The facts: the last signed session of the course (or null), how many are signed of how many planned. */
    public record Facts(LocalDate lastSessionOn, int signedSessions, int plannedSessions, LocalDate reviewedOn,
            ReviewDecision decision) {
    }

    public record Window(int fromDays, int toDays) {
    }

    private ReviewTiming() {
    }

    public static List<Finding> check(Facts f, Window w) {
        List<Finding> out = new ArrayList<>();
        if (f.lastSessionOn() == null) {
            out.add(new Finding(Concern.NO_SIGNED_SESSION, "No session of this course has been signed yet, so there is "
                    + "no treatment result to review."));
        } else {
            long days = ChronoUnit.DAYS.between(f.lastSessionOn(), f.reviewedOn());
            String when = "This review is " + days + (days == 1 ? " day" : " days") + " after the session on "
                    + f.lastSessionOn().format(DAY) + "; the protocol reviews between " + w.fromDays() + " and "
                    + w.toDays() + " days.";
            if (days < w.fromDays()) {
                out.add(new Finding(Concern.BEFORE_WINDOW, when));
            } else if (days > w.toDays()) {
                out.add(new Finding(Concern.AFTER_WINDOW, when));
            }
        }
        if (f.decision() == ReviewDecision.DISCHARGE && f.signedSessions() < f.plannedSessions()) {
            out.add(new Finding(Concern.DISCHARGE_BEFORE_COURSE_END, "Discharge after " + f.signedSessions() + " of "
                    + f.plannedSessions() + " planned sessions."));
        }
        return out;
    }
}

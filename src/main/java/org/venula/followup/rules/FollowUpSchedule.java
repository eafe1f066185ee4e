package org.venula.followup.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What falls due after a signed session. The review in the protocol's window after the session (standard 28-42 days,
 * seed 001); within a course, the next session from the minimum interval to the typical one (28-42 days, seed 004);
 * after the last planned session, the maintenance recall the protocol's months later (12, seed 004).
 */
public final class FollowUpSchedule {

    private FollowUpSchedule() {
    }

    public enum Kind { REVIEW, NEXT_SESSION, MAINTENANCE_RECALL }

    /** Where a task stands: due, booked (an appointment of its kind made since), done, or dismissed with a reason. */
    public enum Status { DUE, BOOKED, DONE, DISMISSED }

    /** A due window; {@code until} is null for a recall, which stays due until booked or dismissed. */
    public record Due(Kind kind, LocalDate from, LocalDate until) {
    }

    public record Settings(int reviewFromDays, int reviewToDays, int intervalMinDays, int intervalTypicalDays,
            int recallMonths) {
    }

    public static List<Due> after(LocalDate sessionDate, boolean lastOfCourse, Settings s) {
        List<Due> out = new ArrayList<>();
        out.add(new Due(Kind.REVIEW, sessionDate.plusDays(s.reviewFromDays()), sessionDate.plusDays(s.reviewToDays())));
        if (lastOfCourse) {
            out.add(new Due(Kind.MAINTENANCE_RECALL, sessionDate.plusMonths(s.recallMonths()), null));
        } else {
            out.add(new Due(Kind.NEXT_SESSION, sessionDate.plusDays(s.intervalMinDays()),
                    sessionDate.plusDays(Math.max(s.intervalMinDays(), s.intervalTypicalDays()))));
        }
        return out;
    }
}

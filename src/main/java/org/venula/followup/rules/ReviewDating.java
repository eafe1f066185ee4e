package org.venula.followup.rules;

import java.time.LocalDate;

import org.venula.followup.rules.FollowUpSchedule.Due;
import org.venula.followup.rules.FollowUpSchedule.Kind;

/**
 * What a review dates. Another session or a touch-up makes the next session due from the minimum interval after the
 * last session to the typical one (28-42 days, seed 004), but never before the review itself. A discharge sets the
 * maintenance recall: the clinician's date, else the protocol's months after the review (12, seed 004), or the
 * shorter interval when the median clearance found is below the protocol's complete-clearance threshold.
 */
public final class ReviewDating {

    private ReviewDating() {
    }

    public record Settings(int intervalMinDays, int intervalTypicalDays, int recallMonths, int incompleteRecallMonths,
            int completePercent) {
    }

    /** The next session's window after a review on {@code reviewedOn} of a course last treated on {@code lastSessionOn}. */
    public static Due nextSession(LocalDate lastSessionOn, LocalDate reviewedOn, Settings s) {
        LocalDate from = lastSessionOn.plusDays(s.intervalMinDays());
        LocalDate earliest = from.isBefore(reviewedOn) ? reviewedOn : from;
        LocalDate until = lastSessionOn.plusDays(s.intervalTypicalDays());
        return new Due(Kind.NEXT_SESSION, earliest, until.isBefore(earliest) ? earliest : until);
    }

    /**
     * The maintenance recall a review sets: for a discharge, {@code chosen} when the clinician gave a date, else the
     * protocol's; no recall for any other decision.
     */
    public static LocalDate recallOn(ReviewDecision decision, LocalDate reviewedOn, Double medianClearance,
            LocalDate chosen, Settings s) {
        if (decision != ReviewDecision.DISCHARGE) {
            return null;
        }
        if (chosen != null) {
            return chosen;
        }
        boolean incomplete = medianClearance != null && medianClearance < s.completePercent();
        return reviewedOn.plusMonths(incomplete ? s.incompleteRecallMonths() : s.recallMonths());
    }
}

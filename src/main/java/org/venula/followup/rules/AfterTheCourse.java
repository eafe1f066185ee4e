package org.venula.followup.rules;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.venula.followup.rules.FollowUpSchedule.Kind;
import org.venula.followup.rules.FollowUpSchedule.Status;

/**
 * What the portal asks of a patient once a course is over, from their follow-up tasks. A session whose signing set a
 * maintenance recall was the last of its course ({@link FollowUpSchedule}). When the patient's latest session ended a
 * course, they are asked from the first day of its review window how satisfied they are, on the review's own scale,
 * once: an answer closes it, and a course that a later session has followed is not asked about any more. The maintenance recall becomes an invitation to book as it comes within
 * the lead the staff's recall list looks ahead, and stays one while it is due (not booked, done or dismissed).
 */
public final class AfterTheCourse {

    private AfterTheCourse() {
    }

    /** A follow-up task as these rules need it: the session it follows, its kind, when it is due and its status. */
    public record Task(long sessionId, LocalDate sessionDate, Kind kind, LocalDate dueFrom, Status status) {
    }

    /** Ask about the course that ended with this session, from the start of its review window. */
    public record SatisfactionAsk(long sessionId, LocalDate sessionDate, LocalDate from) {
    }

    /** The maintenance recall, due from {@code from}: book a consultation. */
    public record RecallInvitation(LocalDate from) {
    }

    public static Optional<SatisfactionAsk> satisfactionAsk(Collection<Task> tasks, Set<Long> answered,
            LocalDate today) {
        Set<Long> courseEnds = tasks.stream().filter(t -> t.kind() == Kind.MAINTENANCE_RECALL).map(Task::sessionId)
                .collect(Collectors.toSet());
        return tasks.stream().filter(t -> t.kind() == Kind.REVIEW)
                .max(Comparator.comparing(Task::sessionDate).thenComparing(Task::sessionId))
                .filter(review -> courseEnds.contains(review.sessionId()) && !review.dueFrom().isAfter(today)
                        && (review.status() == Status.DUE || review.status() == Status.BOOKED)
                        && !answered.contains(review.sessionId()))
                .map(review -> new SatisfactionAsk(review.sessionId(), review.sessionDate(), review.dueFrom()));
    }

    public static Optional<RecallInvitation> recallInvitation(List<Task> tasks, LocalDate today, int leadDays) {
        return tasks.stream().filter(t -> t.kind() == Kind.MAINTENANCE_RECALL && t.status() == Status.DUE
                        && !t.dueFrom().isAfter(today.plusDays(leadDays)))
                .map(Task::dueFrom).min(Comparator.naturalOrder()).map(RecallInvitation::new);
    }
}

package org.venula.followup.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.venula.followup.rules.AfterTheCourse.Task;
import org.venula.followup.rules.FollowUpSchedule.Kind;
import org.venula.followup.rules.FollowUpSchedule.Status;

/**
 * What the portal asks after a course, under the standard protocol's numbers (review from day 28, recall 12 months,
 * the recall list's lead of 28 days). Sessions are written date:last-of-course, numbered from 1 in order.
 */
class AfterTheCourseTest {

    private static final FollowUpSchedule.Settings STANDARD = new FollowUpSchedule.Settings(28, 42, 28, 42, 12);

    @ParameterizedTest(name = "sessions {0}, review {1}, answered {2}, on {3}: ask about session {4}")
    @CsvSource(nullValues = "none", textBlock = """
            2026-10-01:false,                  DUE,       none, 2026-12-01, none
            2026-10-01:true,                   DUE,       none, 2026-10-28, none
            2026-10-01:true,                   DUE,       none, 2026-10-29, 1
            2026-10-01:true,                   BOOKED,    none, 2026-11-05, 1
            2026-10-01:true,                   DUE,       none, 2027-06-01, 1
            2026-10-01:true,                   DONE,      none, 2026-11-15, none
            2026-10-01:true,                   DISMISSED, none, 2026-11-15, none
            2026-10-01:true,                   DUE,       1,    2026-11-15, none
            2026-08-01:false;2026-10-01:true,  DUE,       none, 2026-11-15, 2
            2025-01-10:true;2026-10-01:false,  DUE,       none, 2026-12-01, none
            2025-01-10:true;2026-10-01:true,   DUE,       1,    2026-11-15, 2
            2025-01-10:true;2026-10-01:true,   DUE,       2,    2026-11-15, none
            """)
    void theLatestCourseIsAskedAboutOnceFromItsReviewWindowUntilTheReview(String sessions, Status review,
            String answered, LocalDate today, Long askedAbout) {
        Set<Long> done = answered == null ? Set.of() : Arrays.stream(answered.split(";")).map(Long::valueOf)
                .collect(Collectors.toSet());
        assertThat(AfterTheCourse.satisfactionAsk(tasks(sessions, Status.DUE, review), done, today)
                .map(AfterTheCourse.SatisfactionAsk::sessionId)).isEqualTo(java.util.Optional.ofNullable(askedAbout));
    }

    @ParameterizedTest(name = "sessions {0}, recall {1}, on {2}: invite from {3}")
    @CsvSource(nullValues = "none", textBlock = """
            2026-10-01:false, DUE,       2027-12-01, none
            2026-10-01:true,  DUE,       2027-09-02, none
            2026-10-01:true,  DUE,       2027-09-03, 2027-10-01
            2026-10-01:true,  DUE,       2028-03-01, 2027-10-01
            2026-10-01:true,  BOOKED,    2027-10-01, none
            2026-10-01:true,  DISMISSED, 2027-10-01, none
            2026-10-01:true,  DONE,      2027-10-01, none
            """)
    void theMaintenanceRecallInvitesABookingWhileItIsDue(String sessions, Status recall, LocalDate today,
            LocalDate invitedFrom) {
        assertThat(AfterTheCourse.recallInvitation(tasks(sessions, recall, Status.DUE), today, 28)
                .map(AfterTheCourse.RecallInvitation::from)).isEqualTo(java.util.Optional.ofNullable(invitedFrom));
    }

    /** The tasks each session's signing sets under the standard numbers, the recall and review as given. */
    private static List<Task> tasks(String sessions, Status recall, Status review) {
        List<Task> tasks = new ArrayList<>();
        String[] each = sessions.split(";");
        for (int i = 0; i < each.length; i++) {
            String[] parts = each[i].split(":");
            LocalDate date = LocalDate.parse(parts[0]);
            long id = i + 1;
            for (FollowUpSchedule.Due due : FollowUpSchedule.after(date, Boolean.parseBoolean(parts[1]), STANDARD)) {
                tasks.add(new Task(id, date, due.kind(), due.from(), due.kind() == Kind.MAINTENANCE_RECALL ? recall
                        : due.kind() == Kind.REVIEW ? review : Status.DUE));
            }
        }
        return tasks;
    }
}

package org.venula.followup.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.venula.followup.rules.FollowUpSchedule.Due;
import org.venula.followup.rules.FollowUpSchedule.Kind;

/** What falls due after a session under the standard protocol's numbers (review 28-42, interval 28-42, recall 12 months). */
class FollowUpScheduleTest {

    private static final FollowUpSchedule.Settings STANDARD = new FollowUpSchedule.Settings(28, 42, 28, 42, 12);

    @ParameterizedTest(name = "session {0}, last of course {1}: review {2}..{3}, then {4} {5}..{6}")
    @CsvSource(textBlock = """
            2026-12-01, false, 2026-12-29, 2027-01-12, NEXT_SESSION,       2026-12-29, 2027-01-12
            2026-12-01, true,  2026-12-29, 2027-01-12, MAINTENANCE_RECALL, 2027-12-01,
            2028-02-29, true,  2028-03-28, 2028-04-11, MAINTENANCE_RECALL, 2029-02-28,
            2026-01-31, false, 2026-02-28, 2026-03-14, NEXT_SESSION,       2026-02-28, 2026-03-14
            """)
    void reviewAndThenTheNextSessionOrTheRecall(LocalDate session, boolean last, LocalDate reviewFrom,
            LocalDate reviewUntil, Kind then, LocalDate thenFrom, LocalDate thenUntil) {
        assertThat(FollowUpSchedule.after(session, last, STANDARD)).containsExactly(
                new Due(Kind.REVIEW, reviewFrom, reviewUntil), new Due(then, thenFrom, thenUntil));
    }
}

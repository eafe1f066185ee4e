package org.venula.followup.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.venula.followup.rules.FollowUpSchedule.Due;
import org.venula.followup.rules.FollowUpSchedule.Kind;

/**
 * What a review dates under the standard protocol's numbers: next session 28-42 days after the last one, recall 12
 * months after a discharge, 6 when the median clearance is below 90%.
 */
class ReviewDatingTest {

    private static final ReviewDating.Settings STANDARD = new ReviewDating.Settings(28, 42, 12, 6, 90);

    @ParameterizedTest(name = "session {0}, reviewed {1}: next session {2}..{3}")
    @CsvSource(textBlock = """
            2026-12-01, 2026-12-20, 2026-12-29, 2027-01-12
            2026-12-01, 2026-12-28, 2026-12-29, 2027-01-12
            2026-12-01, 2026-12-29, 2026-12-29, 2027-01-12
            2026-12-01, 2026-12-30, 2026-12-30, 2027-01-12
            2026-12-01, 2027-01-11, 2027-01-11, 2027-01-12
            2026-12-01, 2027-01-12, 2027-01-12, 2027-01-12
            2026-12-01, 2027-01-13, 2027-01-13, 2027-01-13
            2026-12-01, 2027-03-01, 2027-03-01, 2027-03-01
            """)
    void theNextSessionIsDueFromTheIntervalButNeverBeforeTheReview(LocalDate session, LocalDate reviewed,
            LocalDate from, LocalDate until) {
        assertThat(ReviewDating.nextSession(session, reviewed, STANDARD))
                .isEqualTo(new Due(Kind.NEXT_SESSION, from, until));
    }

    @ParameterizedTest(name = "{0} on {1}, median {2}%, chosen {3}: recall {4}")
    @CsvSource(textBlock = """
            DISCHARGE,       2027-01-05, 100,  ,           2028-01-05
            DISCHARGE,       2027-01-05, 90,   ,           2028-01-05
            DISCHARGE,       2027-01-05, 89.9, ,           2027-07-05
            DISCHARGE,       2027-01-05, 50,   ,           2027-07-05
            DISCHARGE,       2027-01-05,     , ,           2028-01-05
            DISCHARGE,       2027-01-05, 50,   2027-03-01, 2027-03-01
            DISCHARGE,       2027-08-31, 100,  ,           2028-08-31
            DISCHARGE,       2027-08-31, 25,   ,           2028-02-29
            ANOTHER_SESSION, 2027-01-05, 50,   ,
            TOUCH_UP,        2027-01-05, 100,  ,
            REFER,           2027-01-05, 0,    2027-03-01,
            """)
    void aDischargeSetsTheRecallSoonerWhenClearanceIsIncomplete(ReviewDecision decision, LocalDate reviewed,
            Double median, LocalDate chosen, LocalDate recall) {
        assertThat(ReviewDating.recallOn(decision, reviewed, median, chosen, STANDARD)).isEqualTo(recall);
    }
}

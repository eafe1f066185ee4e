package org.venula.followup.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.venula.followup.rules.ReviewTiming.Concern;

/** When a review needs a reason, under the standard window (28-42 days after the last session). */
class ReviewTimingTest {

    private static final ReviewTiming.Window STANDARD = new ReviewTiming.Window(28, 42);

    @ParameterizedTest(name = "session {0}, reviewed {1}, {2} of {3} signed, {4}: {5}")
    @CsvSource(textBlock = """
            2026-12-01, 2026-12-01, 1, 2, ANOTHER_SESSION, BEFORE_WINDOW
            2026-12-01, 2026-12-28, 1, 2, ANOTHER_SESSION, BEFORE_WINDOW
            2026-12-01, 2026-12-29, 1, 2, ANOTHER_SESSION, ''
            2026-12-01, 2027-01-12, 1, 2, ANOTHER_SESSION, ''
            2026-12-01, 2027-01-13, 1, 2, TOUCH_UP,        AFTER_WINDOW
            2026-12-01, 2026-12-30, 1, 2, DISCHARGE,       DISCHARGE_BEFORE_COURSE_END
            2026-12-01, 2026-12-30, 2, 2, DISCHARGE,       ''
            2026-12-01, 2026-12-30, 3, 2, DISCHARGE,       ''
            2026-12-01, 2026-12-02, 1, 3, DISCHARGE,       BEFORE_WINDOW DISCHARGE_BEFORE_COURSE_END
            ,           2026-12-02, 0, 3, REFER,           NO_SIGNED_SESSION
            ,           2026-12-02, 0, 3, DISCHARGE,       NO_SIGNED_SESSION DISCHARGE_BEFORE_COURSE_END
            """)
    void concerns(LocalDate session, LocalDate reviewed, int signed, int planned, ReviewDecision decision,
            String expected) {
        List<Concern> found = ReviewTiming.check(new ReviewTiming.Facts(session, signed, planned, reviewed, decision),
                STANDARD).stream().map(ReviewTiming.Finding::concern).toList();
        List<Concern> want = expected.isBlank() ? List.of()
                : Arrays.stream(expected.trim().split("\\s+")).map(Concern::valueOf).toList();
        assertThat(found).containsExactlyElementsOf(want);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            2026-12-01, 2026-12-01, 'This review is 0 days after the session on 1 December 2026; the protocol reviews between 28 and 42 days.'
            2026-12-01, 2026-12-02, 'This review is 1 day after the session on 1 December 2026; the protocol reviews between 28 and 42 days.'
            """)
    void theMessageSaysWhenAndTheWindow(LocalDate session, LocalDate reviewed, String message) {
        assertThat(ReviewTiming.check(new ReviewTiming.Facts(session, 1, 1, reviewed, ReviewDecision.TOUCH_UP),
                STANDARD))
                .extracting(ReviewTiming.Finding::message).containsExactly(message);
    }
}

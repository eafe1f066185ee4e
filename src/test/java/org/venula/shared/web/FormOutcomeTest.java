package org.venula.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;
import org.venula.scheduling.rules.PathwayRuleBroken;
import org.venula.scheduling.rules.PathwayRules;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.RefusedException;

class FormOutcomeTest {

    private final RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();

    @Test
    void successFlashesTheNoticeAndAnswersTheResult() {
        assertThat(FormOutcome.of(redirect, "Not moved").attempt(() -> 42, n -> "Moved to slot " + n + "."))
                .contains(42);
        assertThat(redirect.getFlashAttributes().get("notice")).isEqualTo("Moved to slot 42.");
        assertThat(redirect.getFlashAttributes())
                .doesNotContainKey("failure");
    }

    @Test
    void badInputSaysWhatWasNotDoneAndWhichField() {
        boolean done = FormOutcome.of(redirect, "Not added").run(() -> {
            throw new InvalidInputException("patientId", "is required");
        }, "Added.");
        assertThat(done).isFalse();
        assertThat(redirect.getFlashAttributes().get("failure")).asString().startsWith("Not added: ")
                .endsWith("is required.");
        assertThat(redirect.getFlashAttributes()).doesNotContainKey("notice");
    }

    @Test
    void aPageMaySayBadInputInItsOwnWords() {
        FormOutcome.of(redirect, "Not cancelled").whenInvalid("say why").run(() -> {
            throw new InvalidInputException("reason", "is required");
        }, "Cancelled.");
        assertThat(redirect.getFlashAttributes().get("failure")).isEqualTo("Not cancelled: say why.");
    }

    @Test
    void aConflictOrARuleRefusalGivesItsOwnSentenceUnderTheChosenName() {
        FormOutcome.of(redirect, "Not moved").shownAs("error").run(() -> {
            throw new ConflictException("slot-unavailable", "start", "The practitioner is taken.");
        }, "Moved.");
        assertThat(redirect.getFlashAttributes().get("error")).isEqualTo("Not moved: The practitioner is taken.");
        FormOutcome.of(redirect, "Not booked").run(() -> {
            throw new RefusedException(new PathwayRuleBroken(List.of(new PathwayRules.Broken(
                    PathwayRules.Rule.values()[0], "A consultation comes first", null))));
        }, "Booked.");
        assertThat(redirect.getFlashAttributes().get("failure")).isEqualTo("Not booked: A consultation comes first.");
    }
}

package org.venula.shared.web;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.Labels;
import org.venula.shared.RefusedException;

/**
 * The one way a page reports what became of a form it posts and then redirects: on success a {@code notice}, on a
 * refusal, a conflict or bad input a {@code failure} that says what was not done and why, in words ("Not moved: the
 * practitioner already has an appointment at that time."). Nothing was stored when it fails.
 */
public final class FormOutcome {

    private final RedirectAttributes redirect;
    private final String notDone;
    private String key = "failure";
    private Function<FieldProblem, String> invalid = p -> Labels.field(p.field()) + " " + p.message();

    private FormOutcome(RedirectAttributes redirect, String notDone) {
        this.redirect = redirect;
        this.notDone = notDone;
    }

    /** For a form whose failure begins with {@code notDone} ("Not cancelled"). */
    public static FormOutcome of(RedirectAttributes redirect, String notDone) {
        return new FormOutcome(redirect, notDone);
    }

    /** Flashes the failure under another name, for a page that shows it as {@code error}. */
    public FormOutcome shownAs(String attribute) {
        this.key = attribute;
        return this;
    }

    /** Says bad input in the page's own words rather than as the field's message. */
    public FormOutcome whenInvalid(Function<FieldProblem, String> sentence) {
        this.invalid = sentence;
        return this;
    }

    /** Says bad input, whichever field it is, with one sentence ("say why"). */
    public FormOutcome whenInvalid(String sentence) {
        return whenInvalid(p -> sentence);
    }

    /** Runs the action; its result's notice on success, else the failure. */
    public <T> Optional<T> attempt(Supplier<T> action, Function<T, String> notice) {
        try {
            T result = action.get();
            redirect.addFlashAttribute("notice", notice.apply(result));
            return Optional.of(result);
        } catch (InvalidInputException e) {
            fail(invalid.apply(e.problems().get(0)));
        } catch (ConflictException | RefusedException e) {
            fail(e.getMessage());
        }
        return Optional.empty();
    }

    /** Runs an action that answers nothing; {@code notice} on success. Whether it succeeded. */
    public boolean run(Runnable action, String notice) {
        return attempt(() -> {
            action.run();
            return Boolean.TRUE;
        }, done -> notice).isPresent();
    }

    private void fail(String why) {
        String sentence = why.endsWith(".") || why.endsWith("?") ? why : why + ".";
        redirect.addFlashAttribute(key, notDone + ": " + sentence);
    }
}

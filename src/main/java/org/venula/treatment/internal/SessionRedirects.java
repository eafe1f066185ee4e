package org.venula.treatment.internal;

import java.util.function.Supplier;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.Labels;
import org.venula.shared.RefusedException;
import org.venula.treatment.TreatmentSession;

/** Back to the session page after a change, with a notice, or with what was wrong in a sentence. */
final class SessionRedirects {

    private SessionRedirects() {
    }

    /** Runs the change and redirects to the session, with {@code notice} or the reason it was refused. */
    static String afterChange(long id, RedirectAttributes redirect, String notice,
            Supplier<TreatmentSession> action) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", String.join(" ", e.problems().stream()
                    .map(p -> Labels.field(p.field()) + ": " + p.message() + ".").toList()));
        } catch (ConflictException | RefusedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/sessions/" + id;
    }
}

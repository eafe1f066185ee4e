package org.venula.clinic.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.clinic.StaffAccounts;
import org.venula.clinic.UserView;
import org.venula.clinic.VenulaPrincipal;
import org.venula.clinic.rules.SignInPolicy;
import org.venula.shared.web.Form;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The second factor on the pages: the code after the password at sign-in, setting it up (a key for the app, then
 * a code to prove it, then the recovery codes, shown once), turning it off, and the administrator's part: removing
 * a user's second factor when they lose their phone, and requiring one of every clinician and administrator.
 */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SecondFactorPages {

    private static final String ENROLMENT = "venula.secondFactorEnrolment";

    private final SecondFactors secondFactors;
    private final SignInLocks locks;
    private final SignInEvents events;
    private final SignInPolicy policy;
    private final RecentlyVerifiedCredentials remembered;
    private final StaffAccounts accounts;
    private final Clock clock;

    @GetMapping(SecondFactorStep.CODE_PAGE)
    String codeForm() {
        return "clinic/code";
    }

    /** Six digits from the authenticator app, or a recovery code. */
    record EnterCodeForm(String code) {
        /** The code without the spaces an app shows or a person types in it. */
        String digits() {
            return code == null ? null : code.replaceAll("\\s", "");
        }
    }

    @PostMapping(SecondFactorStep.CODE_PAGE)
    String code(@AuthenticationPrincipal VenulaPrincipal me, @Form EnterCodeForm form, HttpServletRequest request,
            Model model) {
        HttpSession session = request.getSession();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        boolean blocked = locks.state(me.getUsername(), now).blocked();
        if (!blocked && secondFactors.verifyAtSignIn(me.userId(), me.getUsername(), form.code())) {
            session.removeAttribute(SecondFactorStep.PENDING);
            if (locks.state(me.getUsername(), now).failures() > 0) {
                locks.clear(me.getUsername());
            }
            return "redirect:/";
        }
        SignInLocks.Failure failure = locks.failed(me.getUsername(), now, policy);
        events.record(now, me.getUsername(), blocked ? SignInEvents.Event.REFUSED : SignInEvents.Event.FAILED,
                request.getRemoteAddr(), null);
        if (failure.locked()) {
            events.record(now, me.getUsername(), SignInEvents.Event.LOCKED, request.getRemoteAddr(), null);
        }
        if (failure.locked() || policy.locks(failure.failures())) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            return "redirect:/login?error";
        }
        model.addAttribute("error", blocked ? "Wait a moment before you try again."
                : "That code is not right. Enter the six digits your app shows now, or a recovery code.");
        return "clinic/code";
    }

    @GetMapping(SecondFactorStep.SETUP_PAGE)
    String setup(@AuthenticationPrincipal VenulaPrincipal me, HttpSession session, Model model) {
        SecondFactors.Status status = secondFactors.status(me.userId());
        model.addAttribute("status", status);
        if (status.enabled()) {
            model.addAttribute("unused", secondFactors.unusedRecoveryCodes(me.userId()));
        } else {
            SecondFactors.Enrolment enrolment = (SecondFactors.Enrolment) session.getAttribute(ENROLMENT);
            if (enrolment == null) {
                enrolment = secondFactors.newEnrolment(me.getUsername());
                session.setAttribute(ENROLMENT, enrolment);
            }
            model.addAttribute("enrolment", enrolment);
        }
        return "clinic/second-factor";
    }

    @PostMapping(SecondFactorStep.SETUP_PAGE)
    String confirm(@AuthenticationPrincipal VenulaPrincipal me, @Form EnterCodeForm form, HttpSession session,
            Model model) {
        SecondFactors.Enrolment enrolment = (SecondFactors.Enrolment) session.getAttribute(ENROLMENT);
        if (enrolment == null) {
            return "redirect:" + SecondFactorStep.SETUP_PAGE;
        }
        Optional<List<String>> codes = secondFactors.confirm(me.userId(), me.getUsername(), enrolment.secret(),
                form.digits());
        if (codes.isEmpty()) {
            model.addAttribute("status", secondFactors.status(me.userId()));
            model.addAttribute("enrolment", enrolment);
            model.addAttribute("error", "That code is not right. Check that the app shows Venula, then enter the "
                    + "six digits it shows now.");
            return "clinic/second-factor";
        }
        session.removeAttribute(ENROLMENT);
        session.removeAttribute(SecondFactorStep.SETUP_REQUIRED);
        remembered.forget(me.getUsername());
        model.addAttribute("codes", codes.get());
        return "clinic/recovery-codes";
    }

    @PostMapping(SecondFactorStep.SETUP_PAGE + "/remove")
    String remove(@AuthenticationPrincipal VenulaPrincipal me, @Form EnterCodeForm form,
            RedirectAttributes redirect) {
        SecondFactors.Status status = secondFactors.status(me.userId());
        if (status.required()) {
            redirect.addFlashAttribute("failure", "Your clinic requires a second factor, so it cannot be turned off.");
        } else if (!secondFactors.verifyAtSignIn(me.userId(), me.getUsername(), form.code())) {
            redirect.addFlashAttribute("failure", "That code is not right: the second factor is still on.");
        } else {
            secondFactors.remove(me.userId(), me.getUsername(), me.getUsername());
            remembered.forget(me.getUsername());
            redirect.addFlashAttribute("notice", "The second factor is off. You sign in with your password only.");
        }
        return "redirect:" + SecondFactorStep.SETUP_PAGE;
    }

    @PostMapping("/admin/users/{id}/second-factor/remove")
    String removeFor(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            RedirectAttributes redirect) {
        UserView user = accounts.colleague(me, id);
        secondFactors.remove(user.id(), user.username(), me.getUsername());
        remembered.forget(user.username());
        redirect.addFlashAttribute("notice", user.displayName() + "'s second factor is removed: they set up a new "
                + "one when they next sign in" + (secondFactors.required(me.clinicId()) ? "." : ", if they wish."));
        return "redirect:/admin/users";
    }

    /** Ticked: every clinician and administrator needs a second factor. */
    record RequireSecondFactorForm(Boolean required) {
    }

    @PostMapping("/admin/users/second-factor-requirement")
    String requirement(@AuthenticationPrincipal VenulaPrincipal me, @Form RequireSecondFactorForm form,
            RedirectAttributes redirect) {
        boolean on = Boolean.TRUE.equals(form.required());
        accounts.requireSecondFactor(me, on);
        redirect.addFlashAttribute("notice", on
                ? "Clinicians and administrators now need a second factor: each sets one up at their next sign-in."
                : "A second factor is now optional.");
        return "redirect:/admin/users";
    }

}

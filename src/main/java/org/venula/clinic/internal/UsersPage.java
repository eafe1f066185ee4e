package org.venula.clinic.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.clinic.Clinics;
import org.venula.clinic.NewUser;
import org.venula.clinic.Role;
import org.venula.clinic.StaffAccounts;
import org.venula.clinic.UserView;
import org.venula.clinic.VenulaPrincipal;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.Paging;
import org.venula.shared.web.Form;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The admin's page for the clinic's users. */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class UsersPage {

    private final Clinics clinics;
    private final StaffAccounts accounts;
    private final Validator validator;
    private final AccountStanding standing;

    @PostMapping("/admin/users/{id}/{action:deactivate|reactivate|unlock}")
    String account(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, @PathVariable String action,
            RedirectAttributes redirect) {
        return backToUsers(redirect, () -> {
            UserView u = switch (action) {
                case "deactivate" -> accounts.deactivate(me, id);
                case "reactivate" -> accounts.reactivate(me, id);
                default -> accounts.unlock(me, id);
            };
            redirect.addFlashAttribute("notice", switch (action) {
                case "deactivate" -> u.displayName() + " is deactivated: they can no longer sign in.";
                case "reactivate" -> u.displayName() + " can sign in again.";
                default -> u.displayName() + " is unlocked.";
            });
        });
    }

    @PostMapping("/admin/users/{id}/password-reset")
    String resetPassword(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            RedirectAttributes redirect) {
        return backToUsers(redirect, () -> redirect.addFlashAttribute("temporary", accounts.resetPassword(me, id)));
    }

    /** Back to the users' list after an account change; a refused one says why there. */
    private static String backToUsers(RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("failure", e.problems().get(0).message());
        }
        return "redirect:/admin/users";
    }

    @GetMapping("/account/password")
    String passwordForm(@AuthenticationPrincipal VenulaPrincipal me, Model model) {
        model.addAttribute("problems", Map.of());
        model.addAttribute("resetPending", resetPending(me));
        return "clinic/password";
    }

    private boolean resetPending(VenulaPrincipal me) {
        return standing.of(me.userId()).map(AccountStanding.Standing::mustChangePassword).orElse(false);
    }

    /** The password in use, the new one, and the new one again. */
    record ChangePasswordForm(String currentPassword, String newPassword, String confirmPassword) {
        boolean confirmed() {
            return newPassword == null || newPassword.equals(confirmPassword);
        }
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal VenulaPrincipal me, @Form ChangePasswordForm form,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        model.addAttribute("resetPending", resetPending(me));
        if (!form.confirmed()) {
            model.addAttribute("problems", Map.of("confirmPassword", "does not match the new password"));
            return "clinic/password";
        }
        try {
            accounts.changeOwnPassword(me, form.currentPassword(), form.newPassword());
        } catch (InvalidInputException e) {
            Map<String, String> problems = new LinkedHashMap<>();
            e.problems().forEach(p -> problems.putIfAbsent(p.field(), p.message()));
            model.addAttribute("problems", problems);
            return "clinic/password";
        }
        SessionStanding.renew(request.getSession());
        redirect.addFlashAttribute("notice", "Your password is changed.");
        return "redirect:/account/password";
    }

    @GetMapping("/admin/users")
    String list(@AuthenticationPrincipal VenulaPrincipal me, Model model) {
        return page(me, model, Map.of("role", Role.CLINICIAN.name()), Map.of());
    }

    /** A new colleague's account: who they are, their role and, for a clinician, their profession. */
    record AddUserForm(String username, String password, String displayName, Role role, String profession,
            String registrationNumber) {
        NewUser user() {
            return new NewUser(trim(username), password, trim(displayName), role, trim(profession),
                    trim(registrationNumber));
        }

        /** What was typed, but the password, to show the form again. */
        Map<String, String> values() {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("username", username);
            v.put("displayName", displayName);
            v.put("role", role == null ? null : role.name());
            v.put("profession", profession);
            v.put("registrationNumber", registrationNumber);
            return v;
        }
    }

    @PostMapping("/admin/users")
    String create(@AuthenticationPrincipal VenulaPrincipal me, @Form AddUserForm form, Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.role() == null) {
            errors.put("role", "choose a role");
        }
        NewUser user = form.user();
        for (ConstraintViolation<NewUser> v : validator.validate(user)) {
            errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
        if (errors.isEmpty()) {
            try {
                clinics.createUser(me.clinicId(), user, me.getUsername());
                redirect.addFlashAttribute("notice", "User '" + user.username() + "' added.");
                return "redirect:/admin/users";
            } catch (ConflictException e) {
                errors.put(e.field(), e.getMessage());
            }
        }
        return page(me, model, form.values(), errors);
    }

    private String page(VenulaPrincipal me, Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("users", clinics.users(me.clinicId()));
        model.addAttribute("events", accounts.recentEvents(me, Paging.of(0, 20)).items());
        model.addAttribute("secondFactorRequired", accounts.secondFactorRequired(me));
        model.addAttribute("practitioners", clinics.practitionersById(me.clinicId()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("v", values);
        model.addAttribute("problems", errors);
        return "clinic/users";
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

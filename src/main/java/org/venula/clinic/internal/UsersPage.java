package org.venula.clinic.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.clinic.Clinics;
import org.venula.clinic.NewUser;
import org.venula.clinic.Role;
import org.venula.clinic.VenulaPrincipal;
import org.venula.shared.ConflictException;

/** The admin's page for the clinic's users. */
@Controller
class UsersPage {

    private final Clinics clinics;
    private final Validator validator;

    UsersPage(Clinics clinics, Validator validator) {
        this.clinics = clinics;
        this.validator = validator;
    }

    @GetMapping("/admin/users")
    String list(@AuthenticationPrincipal VenulaPrincipal me, Model model) {
        return page(me, model, Map.of("role", Role.CLINICIAN.name()), Map.of());
    }

    @PostMapping("/admin/users")
    String create(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Role role = null;
        try {
            role = Role.valueOf(form.getOrDefault("role", ""));
        } catch (IllegalArgumentException e) {
            errors.put("role", "choose a role");
        }
        NewUser user = new NewUser(trim(form.get("username")), form.get("password"), trim(form.get("displayName")),
                role, trim(form.get("profession")), trim(form.get("registrationNumber")));
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
        Map<String, String> values = new LinkedHashMap<>(form);
        values.remove("password");
        return page(me, model, values, errors);
    }

    private String page(VenulaPrincipal me, Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("users", clinics.users(me.clinicId()));
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

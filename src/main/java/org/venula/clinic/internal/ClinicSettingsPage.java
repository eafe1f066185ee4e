package org.venula.clinic.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.clinic.ClinicContact;
import org.venula.clinic.ClinicDetails;
import org.venula.clinic.ClinicDetailsChange;
import org.venula.clinic.VenulaPrincipal;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The administrator's page for the clinic's details given to patients. */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ClinicSettingsPage {

    private final ClinicDetails details;

    @GetMapping("/admin/clinic")
    String show(@AuthenticationPrincipal VenulaPrincipal me, Model model) {
        ClinicContact c = details.current(me.clinicId());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("version", String.valueOf(c.version()));
        values.put("name", c.name());
        values.put("address", c.address());
        values.put("phone", c.phone());
        values.put("email", c.email());
        values.put("website", c.website());
        values.put("emergencyNumber", c.emergencyNumber());
        values.put("regulatorPrompt", c.regulatorPrompt());
        values.put("signNeedsPassword", Boolean.toString(c.signNeedsPassword()));
        return page(me, model, c, values, Map.of());
    }

    @PostMapping("/admin/clinic")
    String save(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        Integer version;
        try {
            version = Integer.valueOf(form.getOrDefault("version", ""));
        } catch (NumberFormatException e) {
            version = null;
        }
        Map<String, String> problems = new LinkedHashMap<>();
        try {
            ClinicContact saved = details.change(me, new ClinicDetailsChange(version, form.get("name"),
                    form.get("address"), form.get("phone"), form.get("email"), form.get("website"),
                    form.get("emergencyNumber"), form.get("regulatorPrompt"), "true".equals(form.get("signNeedsPassword"))));
            redirect.addFlashAttribute("notice", "Saved as version " + saved.version()
                    + ". Patients see the new details from now on.");
            return "redirect:/admin/clinic";
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> problems.putIfAbsent(p.field(), p.message()));
        } catch (ConflictException e) {
            problems.put("version", e.getMessage());
        }
        return page(me, model, details.current(me.clinicId()), new LinkedHashMap<>(form), problems);
    }

    private String page(VenulaPrincipal me, Model model, ClinicContact current, Map<String, String> values,
            Map<String, String> problems) {
        model.addAttribute("current", current);
        model.addAttribute("versions", details.versions(me));
        model.addAttribute("v", values);
        model.addAttribute("problems", problems);
        return "clinic/settings";
    }
}

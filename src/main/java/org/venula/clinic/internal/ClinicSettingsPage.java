package org.venula.clinic.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.clinic.ClinicContact;
import org.venula.clinic.ClinicDetails;
import org.venula.clinic.ClinicDetailsChange;
import org.venula.clinic.VenulaPrincipal;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.web.Form;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The administrator's page for the clinic's details given to patients. */
@PageController
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

    /** The clinic's details as edited, on the version they were read from. */
    record ChangeClinicDetailsForm(Integer version, String name, String address, String phone, String email,
            String website, String emergencyNumber, String regulatorPrompt, Boolean signNeedsPassword) {
        ClinicDetailsChange change() {
            return new ClinicDetailsChange(version, name, address, phone, email, website, emergencyNumber,
                    regulatorPrompt, Boolean.TRUE.equals(signNeedsPassword));
        }

        /** What was typed, to show the form again. */
        Map<String, String> values() {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("version", version == null ? null : version.toString());
            v.put("name", name);
            v.put("address", address);
            v.put("phone", phone);
            v.put("email", email);
            v.put("website", website);
            v.put("emergencyNumber", emergencyNumber);
            v.put("regulatorPrompt", regulatorPrompt);
            v.put("signNeedsPassword", signNeedsPassword == null ? null : signNeedsPassword.toString());
            return v;
        }
    }

    @PostMapping("/admin/clinic")
    String save(@AuthenticationPrincipal VenulaPrincipal me, @Form ChangeClinicDetailsForm form, Model model,
            RedirectAttributes redirect) {
        Map<String, String> problems = new LinkedHashMap<>();
        try {
            ClinicContact saved = details.change(me, form.change());
            redirect.addFlashAttribute("notice", "Saved as version " + saved.version()
                    + ". Patients see the new details from now on.");
            return "redirect:/admin/clinic";
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> problems.putIfAbsent(p.field(), p.message()));
        } catch (ConflictException e) {
            problems.put("version", e.getMessage());
        }
        return page(me, model, details.current(me.clinicId()), form.values(), problems);
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

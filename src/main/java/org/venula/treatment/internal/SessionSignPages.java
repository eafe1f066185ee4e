package org.venula.treatment.internal;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.clinic.ClinicDetails;
import org.venula.clinic.StaffAccounts;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.Patients;
import org.venula.shared.web.Form;
import org.venula.protocol.ProtocolDocument;
import org.venula.shared.web.PageController;
import org.venula.treatment.SessionSigning;
import org.venula.treatment.Sessions;
import org.venula.treatment.TreatmentSession;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Pages: what signing will lock, signing (with the password again where the clinic asks for it) and addenda. */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SessionSignPages {

    private final Sessions sessions;
    private final SessionSigning signing;
    private final Patients patients;
    private final ClinicDetails details;
    private final StaffAccounts accounts;

    /** What signing will lock, to read before confirming: dose against limits, overrides, compression, reactions. */
    @GetMapping("/sessions/{id}/sign")
    String signSummary(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, Model model) {
        TreatmentSession s = sessions.get(me, id);
        if (s.signed()) {
            return "redirect:/sessions/" + id;
        }
        ProtocolDocument protocol = sessions.protocol(me, s);
        List<TreatmentSession.Injection> counted = s.injections().stream().filter(TreatmentSession.Injection::counts)
                .toList();
        model.addAttribute("s", s);
        model.addAttribute("patient", patients.get(me, s.patientId()));
        model.addAttribute("meters", DoseMeters.of(s.dose(), protocol.treatment().warnAtPercent().value()));
        model.addAttribute("injections", counted);
        model.addAttribute("overrides", counted.stream().filter(i -> i.overrideReason() != null).toList());
        model.addAttribute("lotNumbers", counted.stream().map(TreatmentSession.Injection::lotNumber).distinct().toList());
        model.addAttribute("totalMl", counted.stream().map(TreatmentSession.Injection::volumeMl)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("needsPassword", details.current(me.clinicId()).signNeedsPassword());
        return "treatment/sign";
    }

    /** The tick that the summary was checked, the password again where the clinic asks for it, and the version shown. */
    record SignSessionForm(Boolean confirmed, String password, Integer version) {
    }

    @PostMapping("/sessions/{id}/sign")
    String sign(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, @Form SignSessionForm form,
            RedirectAttributes redirect) {
        sessions.get(me, id); // another clinic's session is 404 before anything else
        if (!Boolean.TRUE.equals(form.confirmed())) {
            redirect.addFlashAttribute("error", "Tick that you have checked the summary, then sign.");
            return "redirect:/sessions/" + id + "/sign";
        }
        if (details.current(me.clinicId()).signNeedsPassword() && !accounts.isOwnPassword(me, form.password())) {
            redirect.addFlashAttribute("error", "That is not your password. The clinic asks for it again to sign.");
            return "redirect:/sessions/" + id + "/sign";
        }
        return SessionRedirects.afterChange(id, redirect, "Session signed and locked. Corrections are made by addendum.",
                () -> signing.sign(me, id, form.version()));
    }

    /** A correction to a signed session: why, and what. */
    record AddAddendumForm(String reason, String text) {
    }

    @PostMapping("/sessions/{id}/addenda")
    String addendum(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, @Form AddAddendumForm form,
            RedirectAttributes redirect) {
        return SessionRedirects.afterChange(id, redirect, "Addendum added.",
                () -> signing.addendum(me, id, form.reason(), form.text()));
    }
}

package org.venula.portal.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.clinic.ClinicDetails;
import org.venula.clinic.Clinics;
import org.venula.followup.PatientFeedback;
import org.venula.patient.Patients;
import org.venula.scheduling.PortalBookings;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;
import org.venula.shared.TooManyRequestsException;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The portal's sign-in (an e-mail address, then the code sent to it) and the signed-in patient's home page. The
 * address being signed in with waits in the session between the two steps, never in the page's address.
 */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PortalPages {

    private static final String PENDING = "venula.portal.pendingSignIn";
    private static final String REGISTERED = "venula.portal.registered";

    private final PortalSignIn signIn;
    private final PortalRegistrations registrations;
    private final Clinics clinics;
    private final ClinicDetails details;
    private final Patients patients;
    private final AccessLog accessLog;
    private final PatientFeedback feedback;
    private final PortalBookings bookings;

    record Pending(long clinicId, String email) implements java.io.Serializable {
    }

    @GetMapping("/portal/sign-in")
    String signInPage(@RequestParam(name = "clinic", required = false) Long clinic, Model model) {
        return emailForm(clinicOf(clinic), "", Map.of(), null, model);
    }

    @PostMapping("/portal/sign-in")
    String sendCode(@RequestParam(name = "clinic", required = false) Long clinic,
            @RequestParam(name = "email", required = false) String email, HttpServletRequest request, Model model) {
        long clinicId = clinicOf(clinic);
        try {
            signIn.sendCode(new PortalSignIn.CodeRequest(clinicId, email), request.getRemoteAddr());
        } catch (InvalidInputException e) {
            return emailForm(clinicId, email, problems(e), null, model);
        } catch (TooManyRequestsException e) {
            return emailForm(clinicId, email, Map.of(), e.getMessage(), model);
        }
        request.getSession().setAttribute(PENDING, new Pending(clinicId, email.trim().toLowerCase(
                java.util.Locale.ROOT)));
        return "redirect:/portal/sign-in/code";
    }

    @GetMapping("/portal/register")
    String registerPage(@RequestParam(name = "clinic", required = false) Long clinic, Model model) {
        return registerForm(clinicOf(clinic), Map.of(), Map.of(), null, model);
    }

    @PostMapping("/portal/register")
    String register(@RequestParam(name = "clinic", required = false) Long clinic,
            @RequestParam org.springframework.util.MultiValueMap<String, String> multi, HttpServletRequest request,
            Model model) {
        long clinicId = clinicOf(clinic);
        Map<String, String> form = multi.toSingleValueMap();
        org.venula.shared.web.FormValues f = new org.venula.shared.web.FormValues(multi);
        PortalRegistrations.Register r = new PortalRegistrations.Register(clinicId, f.text("givenName"),
                f.text("familyName"), f.date("dateOfBirth"), f.enumValue("sex", org.venula.patient.Sex.class),
                f.text("email"), f.text("phone"));
        if (!f.errors().isEmpty()) {
            return registerForm(clinicId, form, f.errors(), null, model);
        }
        try {
            registrations.register(r, request.getRemoteAddr());
        } catch (InvalidInputException e) {
            return registerForm(clinicId, form, problems(e), null, model);
        } catch (TooManyRequestsException e) {
            return registerForm(clinicId, form, Map.of(), e.getMessage(), model);
        }
        request.getSession().setAttribute(PENDING, new Pending(clinicId, r.email().trim().toLowerCase(
                java.util.Locale.ROOT)));
        request.getSession().setAttribute(REGISTERED, Boolean.TRUE);
        return "redirect:/portal/sign-in/code";
    }

    @GetMapping("/portal/sign-in/code")
    String codePage(HttpSession session, Model model) {
        Optional<Pending> pending = pending(session);
        if (pending.isEmpty()) {
            return "redirect:/portal/sign-in";
        }
        model.addAttribute("registered", session.getAttribute(REGISTERED) != null);
        return codeForm(pending.get(), Map.of(), null, model);
    }

    @PostMapping("/portal/sign-in/code")
    String verify(@RequestParam(name = "code", required = false) String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<Pending> pending = pending(request.getSession(false));
        if (pending.isEmpty()) {
            return "redirect:/portal/sign-in";
        }
        Pending p = pending.get();
        Optional<PortalPatient> patient;
        try {
            patient = signIn.verify(new PortalSignIn.Verification(p.clinicId(), p.email(), code),
                    request.getRemoteAddr());
        } catch (InvalidInputException e) {
            return codeForm(p, problems(e), null, model);
        } catch (TooManyRequestsException e) {
            return codeForm(p, Map.of(), e.getMessage(), model);
        }
        if (patient.isEmpty()) {
            return codeForm(p, Map.of("code", "That code is not right, has been used, or has run out. Check the "
                    + "newest e-mail, or ask for a new code."), null, model);
        }
        request.getSession().removeAttribute(PENDING);
        request.getSession().removeAttribute(REGISTERED);
        PortalSecurity.signIn(patient.get(), request, response);
        return "redirect:/portal";
    }

    @GetMapping("/portal")
    String home(@AuthenticationPrincipal PortalPatient me, Model model) {
        model.addAttribute("patient", patients.ownRecord(me.clinicId(), me.patientId()));
        model.addAttribute("afterCourse", feedback.own(me.clinicId(), me.patientId()));
        model.addAttribute("consultationsOnline", bookings.settings(me.clinicId()).consultations());
        model.addAttribute("today", clinics.today(me.clinicId()));
        common(me.clinicId(), model);
        return "portal/home";
    }

    @PostMapping("/portal/sign-out")
    String signOut(@AuthenticationPrincipal PortalPatient me, HttpServletRequest request,
            HttpServletResponse response) {
        accessLog.recordByPortalPatient(me.clinicId(), me.patientId(), AccessAction.PORTAL_SIGN_OUT, null);
        PortalSecurity.signOut(request, response);
        return "redirect:/portal/sign-in?clinic=" + me.clinicId() + "&signedOut";
    }

    private String emailForm(long clinicId, String email, Map<String, String> problems, String failure,
            Model model) {
        common(clinicId, model);
        model.addAttribute("v", Map.of("email", email == null ? "" : email));
        model.addAttribute("problems", problems);
        model.addAttribute("failure", failure);
        return "portal/sign-in";
    }

    private String registerForm(long clinicId, Map<String, String> values, Map<String, String> problems,
            String failure, Model model) {
        common(clinicId, model);
        model.addAttribute("v", values);
        model.addAttribute("problems", problems);
        model.addAttribute("failure", failure);
        return "portal/register";
    }

    private String codeForm(Pending p, Map<String, String> problems, String failure, Model model) {
        common(p.clinicId(), model);
        model.addAttribute("email", p.email());
        model.addAttribute("v", Map.of());
        model.addAttribute("problems", problems);
        model.addAttribute("failure", failure);
        return "portal/code";
    }

    private void common(long clinicId, Model model) {
        PortalPageFrame.fill(model, details, clinicId);
    }

    /** The clinic named in the address, or the only clinic there is. */
    private long clinicOf(Long clinic) {
        if (clinic != null) {
            return clinics.clinicIfExists(clinic).orElseThrow(() -> new NotFoundException("Clinic " + clinic)).id();
        }
        return clinics.firstClinic().orElseThrow(() -> new NotFoundException("Clinic")).id();
    }

    private static Optional<Pending> pending(HttpSession session) {
        return session != null && session.getAttribute(PENDING) instanceof Pending p ? Optional.of(p)
                : Optional.empty();
    }

    private static Map<String, String> problems(InvalidInputException e) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            out.putIfAbsent(p.field(), p.message());
        }
        return out;
    }
}

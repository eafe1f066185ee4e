package org.venula.clinic.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.venula.clinic.ClinicInfo;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Puts the signed-in user and their clinic on every page, for the header. */
@ControllerAdvice(annotations = Controller.class)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CurrentClinicAdvice {

    private final Clinics clinics;

    @ModelAttribute("me")
    VenulaPrincipal me(@AuthenticationPrincipal VenulaPrincipal me) {
        return me;
    }

    @ModelAttribute("clinic")
    ClinicInfo clinic(@AuthenticationPrincipal VenulaPrincipal me, HttpServletRequest request) {
        // JSON calls render no page header, so they skip the look-up.
        if (me == null || request.getRequestURI().startsWith("/api/")) {
            return null;
        }
        return clinics.clinic(me.clinicId());
    }
}

package org.venula.clinic.internal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.venula.clinic.ClinicInfo;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Puts the signed-in user and their clinic on every page, for the header (pages only: JSON calls skip it). */
@ControllerAdvice(annotations = PageController.class)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CurrentClinicAdvice {

    private final Clinics clinics;

    @ModelAttribute("me")
    VenulaPrincipal me(@AuthenticationPrincipal VenulaPrincipal me) {
        return me;
    }

    @ModelAttribute("clinic")
    ClinicInfo clinic(@AuthenticationPrincipal VenulaPrincipal me) {
        return me == null ? null : clinics.clinic(me.clinicId());
    }
}

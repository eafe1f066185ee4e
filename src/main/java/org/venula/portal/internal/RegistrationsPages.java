package org.venula.portal.internal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.clinic.VenulaPrincipal;
import org.venula.shared.web.FormOutcome;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The staff's page of portal registrations held because they match a patient. */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RegistrationsPages {

    private final PortalRegistrations registrations;
    private final PortalInvitations invitations;

    @GetMapping("/portal-registrations")
    String page(@AuthenticationPrincipal VenulaPrincipal me, Model model) {
        model.addAttribute("section", "patients");
        model.addAttribute("held", registrations.held(me));
        return "portal/registrations";
    }

    @PostMapping("/patients/{id}/portal-invitation")
    String invite(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
        FormOutcome.of(redirect, "No invitation was sent").whenInvalid(p -> p.message())
                .attempt(() -> invitations.invite(me, id), i -> "An invitation to the patient portal is on its way to "
                        + i.email() + ".");
        return "redirect:/patients/" + id;
    }

    @PostMapping("/portal-registrations/{id}/link")
    String link(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
        FormOutcome.of(redirect, "Nothing was changed").attempt(() -> registrations.link(me, id),
                r -> "The address is on " + r.givenName() + " " + r.familyName() + "'s record, and they have been "
                        + "told they can sign in.");
        return "redirect:/portal-registrations";
    }

    @PostMapping("/portal-registrations/{id}/new-record")
    String newRecord(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            RedirectAttributes redirect) {
        FormOutcome.of(redirect, "Nothing was changed").attempt(() -> registrations.newRecord(me, id),
                r -> "A new record was made for " + r.givenName() + " " + r.familyName() + ", and they have been "
                        + "told they can sign in.");
        return "redirect:/portal-registrations";
    }
}

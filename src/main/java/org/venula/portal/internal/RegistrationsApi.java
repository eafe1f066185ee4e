package org.venula.portal.internal;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.venula.clinic.VenulaPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Staff invite patients to the portal and deal with registrations that matched a patient's names and birthday. */
@RestController
@Tag(name = "Portal registrations")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RegistrationsApi {

    private final PortalRegistrations registrations;
    private final PortalInvitations invitations;

    @GetMapping("/api/portal-registrations")
    @Operation(summary = "Registrations held because they match a patient, oldest first (all staff)")
    List<PortalRegistrations.Held> held(@AuthenticationPrincipal VenulaPrincipal me) {
        return registrations.held(me);
    }

    @PostMapping("/api/patients/{id}/portal-invitation")
    @Operation(summary = "E-mail the patient an invitation to the portal (all staff; 422 without an address)")
    org.springframework.http.ResponseEntity<PortalInvitations.Invitation> invite(
            @AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return org.springframework.http.ResponseEntity.accepted().body(invitations.invite(me, id));
    }

    @PostMapping("/api/portal-registrations/{id}/link")
    @Operation(summary = "It is the patient it matched: add the address (and phone) to that record")
    RegistrationStore.Registration link(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return registrations.link(me, id);
    }

    @PostMapping("/api/portal-registrations/{id}/new-record")
    @Operation(summary = "It is someone else: make a new record for them")
    RegistrationStore.Registration newRecord(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return registrations.newRecord(me, id);
    }
}

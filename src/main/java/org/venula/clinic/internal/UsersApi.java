package org.venula.clinic.internal;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.venula.clinic.Clinics;
import org.venula.clinic.NewUser;
import org.venula.clinic.PractitionerView;
import org.venula.clinic.UserView;
import org.venula.clinic.VenulaPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api")
@Tag(name = "Users and practitioners")
class UsersApi {

    private final Clinics clinics;

    UsersApi(Clinics clinics) {
        this.clinics = clinics;
    }

    @PostMapping("/users")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a user in your clinic (admin). A CLINICIAN also gets a practitioner profile.")
    ResponseEntity<UserView> create(@AuthenticationPrincipal VenulaPrincipal me, @Valid @RequestBody NewUser request) {
        UserView created = clinics.createUser(me.clinicId(), request, me.getUsername());
        return ResponseEntity.created(URI.create("/api/users/" + created.id())).body(created);
    }

    @GetMapping("/users")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "List your clinic's users (admin)")
    List<UserView> users(@AuthenticationPrincipal VenulaPrincipal me) {
        return clinics.users(me.clinicId());
    }

    @GetMapping("/practitioners")
    @Operation(summary = "List your clinic's practitioners; their ids are used by bookings and sessions")
    List<PractitionerView> practitioners(@AuthenticationPrincipal VenulaPrincipal me) {
        return clinics.practitioners(me.clinicId());
    }

    @GetMapping("/me")
    @Operation(summary = "Who you are signed in as")
    UserView me(@AuthenticationPrincipal VenulaPrincipal me) {
        return clinics.users(me.clinicId()).stream().filter(u -> u.id() == me.userId()).findFirst().orElseThrow();
    }
}

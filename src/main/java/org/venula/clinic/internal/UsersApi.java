package org.venula.clinic.internal;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.venula.clinic.Clinics;
import org.venula.clinic.NewUser;
import org.venula.clinic.PractitionerView;
import org.venula.clinic.StaffAccounts;
import org.venula.clinic.UserView;
import org.venula.clinic.VenulaPrincipal;
import org.venula.shared.Paging;
import org.venula.shared.web.PagedResponses;
import org.venula.shared.web.CreatedResponses;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

@RestController
@RequestMapping("/api")
@Tag(name = "Users and practitioners")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class UsersApi {

    private final Clinics clinics;
    private final StaffAccounts accounts;

    /** The signed-in user's password change. */
    record PasswordChange(String currentPassword, String newPassword) {
    }

    @PostMapping("/users/{id}/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Deactivate a user (admin): sign-in is refused at once, on the pages and the API; "
            + "their history stays")
    UserView deactivate(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return accounts.deactivate(me, id);
    }

    @PostMapping("/users/{id}/reactivate")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Reactivate a deactivated user (admin)")
    UserView reactivate(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return accounts.reactivate(me, id);
    }

    @PostMapping("/users/{id}/unlock")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Lift a lock after repeated failed sign-ins (admin)")
    UserView unlock(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return accounts.unlock(me, id);
    }

    @PostMapping("/users/{id}/password-reset")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Set a temporary password (admin), shown once: the user must change it at the next "
            + "sign-in, and their sessions end")
    StaffAccounts.TemporaryPassword resetPassword(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return accounts.resetPassword(me, id);
    }

    @GetMapping("/sign-in-events")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Your clinic's sign-in events, newest first: failures, locks and account changes (admin); "
            + "paged (page from 0, size 1-200, default 50; Link rel=next when more follow)")
    ResponseEntity<List<StaffAccounts.SecurityEvent>> signInEvents(@AuthenticationPrincipal VenulaPrincipal me,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PagedResponses.of(accounts.recentEvents(me, Paging.of(page, size)));
    }

    @PutMapping("/me/password")
    @Operation(summary = "Change your own password, giving the current one")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal VenulaPrincipal me,
            @RequestBody PasswordChange change) {
        accounts.changeOwnPassword(me, change.currentPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/users")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a user in your clinic (admin). A CLINICIAN also gets a practitioner profile.")
    ResponseEntity<UserView> create(@AuthenticationPrincipal VenulaPrincipal me, @Valid @RequestBody NewUser request) {
        return CreatedResponses.of(clinics.createUser(me.clinicId(), request, me.getUsername()),
                created -> "/api/users/" + created.id());
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
        return clinics.user(me.clinicId(), me.userId()).orElseThrow();
    }
}

package org.venula.portal.internal;

import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.patient.PatientRecord;
import org.venula.patient.Patients;
import org.venula.shared.NotSignedInException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

@RestController
@Tag(name = "Portal")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PortalApi {

    private final PortalSignIn signIn;
    private final PortalRegistrations registrations;
    private final Patients patients;
    private final AccessLog accessLog;

    /** The patient's own details, as the portal shows them. */
    record Me(long clinicId, long patientId, String givenName, String familyName, LocalDate dateOfBirth, String email,
            String phone) {

        static Me of(long clinicId, PatientRecord p) {
            return new Me(clinicId, p.id(), p.givenName(), p.familyName(), p.dateOfBirth(), p.email(), p.phone());
        }
    }

    @PostMapping("/api/portal/sign-in")
    @Operation(summary = "Ask for a sign-in code by e-mail {clinicId, email}",
            description = "202 whether or not the address is known; 429 when asked too often for one address or "
                    + "from one client address.")
    ResponseEntity<Map<String, String>> sendCode(@RequestBody PortalSignIn.CodeRequest body,
            HttpServletRequest request) {
        signIn.sendCode(body, request.getRemoteAddr());
        return ResponseEntity.accepted().body(Map.of("detail", "If this address is on a patient's record at the "
                + "clinic, a six-digit code is on its way to it. It works for 10 minutes."));
    }

    @PostMapping("/api/portal/register")
    @Operation(summary = "Register as a new patient {clinicId, givenName, familyName, dateOfBirth, sex, email, phone}",
            description = "202 whatever follows: a new record and a sign-in code by e-mail; a code when the address "
                    + "is already a patient's; or, when the names and date of birth match a patient, the registration "
                    + "is held for the clinic to confirm (never a duplicate record). 422 names each bad field.")
    ResponseEntity<Map<String, String>> register(@RequestBody PortalRegistrations.Register body,
            HttpServletRequest request) {
        registrations.register(body, request.getRemoteAddr());
        return ResponseEntity.accepted().body(Map.of("detail", "Thank you. We have sent an e-mail to the address "
                + "you gave: it says what happens next."));
    }

    @PostMapping("/api/portal/verify")
    @Operation(summary = "Sign in with the code {clinicId, email, code}: 200 and a patient session (cookie), or 401",
            description = "Five tries per code; after them even the right code is refused and a new one is needed.")
    ResponseEntity<Me> verify(@RequestBody PortalSignIn.Verification body, HttpServletRequest request,
            HttpServletResponse response) {
        return signIn.verify(body, request.getRemoteAddr()).map(patient -> {
            PortalSecurity.signIn(patient, request, response);
            return ResponseEntity.ok(Me.of(patient.clinicId(),
                    patients.ownRecord(patient.clinicId(), patient.patientId())));
        }).orElseThrow(() -> new NotSignedInException("That code is not right, has been used, or has run out. "
                + "Check the newest e-mail, or ask for a new code."));
    }

    @GetMapping("/api/portal/me")
    @Operation(summary = "The signed-in patient's own details")
    Me me(@AuthenticationPrincipal PortalPatient me) {
        return Me.of(me.clinicId(), patients.ownRecord(me.clinicId(), me.patientId()));
    }

    @PostMapping("/api/portal/sign-out")
    @Operation(summary = "End the patient's portal session")
    ResponseEntity<Void> signOut(@AuthenticationPrincipal PortalPatient me, HttpServletRequest request,
            HttpServletResponse response) {
        accessLog.recordByPortalPatient(me.clinicId(), me.patientId(), AccessAction.PORTAL_SIGN_OUT, null);
        PortalSecurity.signOut(request, response);
        return ResponseEntity.noContent().build();
    }
}

package org.venula.portal.internal;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.venula.planning.ConsentAtHome;
import org.venula.planning.TreatmentPlan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The signed-in patient's plans (the course and the quote) and consent at home. */
@RestController
@Tag(name = "Portal")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PortalPlansApi {

    private final ConsentAtHome consent;

    /** The patient's name, typed to say they agree. */
    record Consent(String patientName) {
    }

    @GetMapping("/api/portal/plans")
    @Operation(summary = "Your treatment plans, newest first, each with the exact text to consent to")
    List<ConsentAtHome.OwnPlan> plans(@AuthenticationPrincipal PortalPatient me) {
        return consent.ownPlans(me.clinicId(), me.patientId());
    }

    @PostMapping("/api/portal/plans/{id}/consent")
    @Operation(summary = "Consent at home to your plan {patientName}: recorded with the channel, time and text version",
            description = "A clinician confirms it with you in the room before the first injection. 409 when "
                    + "consent is already in force; another patient's plan 404.")
    TreatmentPlan give(@AuthenticationPrincipal PortalPatient me, @PathVariable long id,
            @RequestBody(required = false) Consent body) {
        return consent.consent(me.clinicId(), me.patientId(), id, body == null ? null : body.patientName());
    }
}

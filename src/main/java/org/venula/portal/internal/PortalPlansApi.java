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
    private final ResultPhotos photos;

    /** The patient's name, typed to say they agree. */
    record Consent(String patientName) {
    }

    @GetMapping("/api/portal/plans")
    @Operation(summary = "Your treatment plans, newest first, each with the exact text to consent to")
    List<ConsentAtHome.OwnPlan> plans(@AuthenticationPrincipal PortalPatient me) {
        return consent.ownPlans(me.clinicId(), me.patientId());
    }

    @PostMapping(path = "/api/portal/photos", consumes = "multipart/form-data")
    @Operation(summary = "Send a result photo of one treated area (multipart: file, areaId) in the result-photo window",
            description = "A form of another site could send a multipart body with your cookie, so this needs the "
                    + "header X-Requested-With (which such a form cannot set); 201 {id}; 422 "
                    + "…/not-in-photo-window outside the window of your aftercare plan.")
    org.springframework.http.ResponseEntity<java.util.Map<String, Long>> photo(
            @AuthenticationPrincipal PortalPatient me,
            @org.springframework.web.bind.annotation.RequestHeader(name = "X-Requested-With") String requestedWith,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Long areaId,
            @org.springframework.web.bind.annotation.RequestPart(name = "file", required = false)
            org.springframework.web.multipart.MultipartFile file) throws java.io.IOException {
        long id = photos.upload(me.clinicId(), me.patientId(), areaId, file == null ? null : file.getBytes());
        return org.springframework.http.ResponseEntity.status(201).body(java.util.Map.of("id", id));
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

package org.venula.planning.internal;


import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.venula.clinic.VenulaPrincipal;
import org.venula.planning.ConsentRequest;
import org.venula.planning.PlanRequest;
import org.venula.planning.Plans;
import org.venula.planning.TreatmentPlan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.venula.shared.web.Downloads;
import org.venula.shared.web.CreatedResponses;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

@RestController
@Tag(name = "Plans, quotes and consent")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PlansApi {

    private final Plans plans;
    private final org.venula.planning.ConsentAtHome consentAtHome;
    private final QuoteDocument quotes;

    record WithdrawRequest(String reason) {
    }

    @PostMapping("/api/consultations/{cid}/plan")
    @Operation(summary = "Plan a course from a PROCEED consultation, priced by the protocol")
    ResponseEntity<TreatmentPlan> create(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long cid,
            @RequestBody(required = false) PlanRequest request) {
        return CreatedResponses.of(plans.create(me, cid, request), plan -> "/api/plans/" + plan.id());
    }

    @GetMapping("/api/plans/{planId}")
    @Operation(summary = "A plan with its quote and consents")
    TreatmentPlan get(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long planId) {
        return plans.get(me, planId);
    }

    @GetMapping(path = "/api/plans/{planId}/quote.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The quote as a PDF")
    ResponseEntity<byte[]> quote(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long planId) {
        byte[] pdf = quotes.pdf(me, planId);
        return Downloads.pdf(pdf, "venula-quote-" + planId + ".pdf", true);
    }

    @PostMapping("/api/plans/{planId}/consent")
    @Operation(summary = "Record the patient's informed consent for the plan (stored with the exact text)")
    ResponseEntity<TreatmentPlan> consent(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long planId,
            @RequestBody ConsentRequest body) {
        return CreatedResponses.at("/api/plans/" + planId, plans.consent(me, planId, body));
    }

    @PostMapping("/api/plans/{planId}/consent/{consentId}/confirm")
    @Operation(summary = "Confirm, with the patient in the room, the consent they gave at home; you become its witness",
            description = "Treatment needs it before the first injection. 409 for a consent given in the clinic, "
                    + "already confirmed, or withdrawn.")
    TreatmentPlan confirm(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long planId,
            @PathVariable long consentId) {
        return consentAtHome.confirm(me, planId, consentId);
    }

    @PostMapping("/api/plans/{planId}/consent/{consentId}/withdraw")
    @Operation(summary = "Withdraw a consent, with the reason; it is kept, marked withdrawn")
    TreatmentPlan withdraw(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long planId,
            @PathVariable long consentId, @RequestBody(required = false) WithdrawRequest request) {
        return plans.withdrawConsent(me, planId, consentId, request == null ? null : request.reason());
    }
}

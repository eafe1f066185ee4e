package org.venula.followup.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.venula.shared.Paging;
import org.venula.shared.Reason;
import org.venula.clinic.VenulaPrincipal;
import org.venula.followup.Audit;
import org.venula.followup.Complication;
import org.venula.followup.Complications;
import org.venula.followup.OutcomeAudit;
import org.venula.followup.RecordReview;
import org.venula.followup.ReportComplication;
import org.venula.followup.Reviews;
import org.venula.followup.Review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.venula.shared.web.Downloads;
import org.venula.shared.web.PagedResponses;
import org.venula.shared.web.CreatedResponses;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

@RestController
@Tag(name = "Reviews, complications and the outcome audit")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OutcomesApi {

    private final Reviews reviews;
    private final Complications complications;
    private final Audit audit;

    record Confirm(String severity, String management, String reason) {
    }

    record Resolve(LocalDate resolvedOn) {
    }

    record LeadReview(String report) {
    }

    @PostMapping("/api/patients/{patientId}/reviews")
    @Operation(summary = "Record a review: clearance per mapped area, satisfaction, CEAP/VCSS per leg, the decision")
    ResponseEntity<Review> review(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long patientId,
            @RequestBody RecordReview body) {
        return CreatedResponses.at("/api/patients/" + patientId + "/reviews",
                reviews.recordReview(me, patientId, body));
    }

    @GetMapping("/api/patients/{patientId}/reviews")
    @Operation(summary = "The patient's reviews, newest first")
    List<Review> reviews(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long patientId) {
        return reviews.reviews(me, patientId);
    }

    @PostMapping("/api/patients/{patientId}/complications")
    @Operation(summary = "Report a complication (confirmed), tied to the session and area where known")
    ResponseEntity<Complication> report(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long patientId,
            @RequestBody ReportComplication body) {
        return CreatedResponses.at("/api/patients/" + patientId + "/complications",
                complications.report(me, patientId, body));
    }

    @GetMapping("/api/patients/{patientId}/complications")
    @Operation(summary = "The patient's complications with the lots used")
    List<Complication> complications(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long patientId) {
        return complications.complications(me, patientId);
    }

    @GetMapping("/api/complications/waiting")
    @Operation(summary = "Complications proposed from check-ins, and serious ones waiting for the clinic lead; "
            + "paged (page from 0, size 1-200, default 50; Link rel=next when more follow)")
    ResponseEntity<List<Complication>> waiting(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PagedResponses.of(complications.waiting(me, Paging.of(page, size)));
    }

    @PostMapping("/api/complications/{id}/confirm")
    @Operation(summary = "Confirm a proposed complication (optionally correcting severity, adding management); "
            + "a lower grade than proposed needs `reason` (422 naming it)")
    Complication confirm(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestBody(required = false) Confirm c) {
        return complications.confirm(me, id, c.severity(), c.management(), c.reason());
    }

    @PostMapping("/api/complications/{id}/reject")
    @Operation(summary = "Reject a proposed complication with the reason")
    Complication reject(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestBody(required = false) Reason body) {
        return complications.reject(me, id, body.reason());
    }

    @PostMapping("/api/complications/{id}/resolve")
    @Operation(summary = "Record the date a complication resolved")
    Complication resolve(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestBody(required = false) Resolve body) {
        return complications.resolve(me, id, body.resolvedOn());
    }

    @PostMapping("/api/complications/{id}/lead-review")
    @Operation(summary = "The clinic lead records the review of a serious event and its regulator report")
    Complication leadReview(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestBody(required = false) LeadReview body) {
        return complications.leadReview(me, id, body.report());
    }

    @GetMapping("/api/audit/outcomes")
    @Operation(summary = "The outcome audit over session dates from..to (admins); default the last 12 months")
    OutcomeAudit outcomes(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return audit.outcomes(me, from, to);
    }

    @GetMapping(path = "/api/audit/outcomes.csv", produces = "text/csv")
    @Operation(summary = "The outcome audit as CSV")
    ResponseEntity<String> csv(@AuthenticationPrincipal VenulaPrincipal me,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        OutcomeAudit a = audit.outcomes(me, from, to);
        return Downloads.csv(audit.csv(a), Audit.csvFileName(a));
    }

    @GetMapping(path = "/api/audit/funnel/{type}.svg", produces = "image/svg+xml")
    @Operation(summary = "The funnel plot of one complication type as SVG")
    ResponseEntity<String> funnel(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable String type,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        return Downloads.svg(audit.funnelSvg(audit.outcomes(me, from, to), type),
                "funnel-" + type.toLowerCase(java.util.Locale.ROOT) + ".svg");
    }
}

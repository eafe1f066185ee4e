package org.venula.treatment.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.venula.shared.Paging;
import org.venula.shared.Reason;
import org.venula.clinic.VenulaPrincipal;
import org.venula.shared.web.IfMatch;
import org.venula.shared.web.JsonFields;
import org.venula.shared.web.PagedResponses;
import org.venula.treatment.rules.Blocker;
import org.venula.treatment.ChartInjection;
import org.venula.treatment.Compression;
import org.venula.treatment.DoseCheckRequest;
import org.venula.treatment.DoseChecks;
import org.venula.treatment.Lot;
import org.venula.treatment.LotRecipient;
import org.venula.treatment.Lots;
import org.venula.treatment.NewLot;
import org.venula.treatment.Reactions;
import org.venula.treatment.SessionCharting;
import org.venula.treatment.SessionSigning;
import org.venula.treatment.SessionStart;
import org.venula.treatment.Sessions;
import org.venula.treatment.StartSession;
import org.venula.treatment.TreatmentSession;
import org.venula.treatment.rules.DoseCheck;
import org.venula.shared.web.CreatedResponses;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

@RestController
@Tag(name = "Treatment sessions, lots and dose checks")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class TreatmentApi {

    private final Sessions sessions;
    private final SessionStart start;
    private final SessionCharting charting;
    private final SessionSigning signing;
    private final Lots lots;
    private final DoseChecks doseChecks;
    private final JsonMapper json;

    record AddendumRequest(String reason, String text) {
    }

    record RepeatRequest(Long areaId, BigDecimal x, BigDecimal y, String view, ChartInjection.Override override) {
    }

    @PostMapping("/api/dose-check")
    @Operation(summary = "Check injections against the protocol's dose and volume limits (stateless; clinicians, admins)")
    DoseCheck.Result doseCheck(@AuthenticationPrincipal VenulaPrincipal me,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = DoseCheckRequest.class))) @RequestBody JsonNode body) {
        List<org.venula.shared.FieldProblem> unreadable = new ArrayList<>();
        DoseCheckRequest request = JsonFields.readLeniently(json, body, DoseCheckRequest.class, unreadable);
        return doseChecks.check(me, request, unreadable);
    }

    // ---- lots

    @PostMapping("/api/lots")
    @Operation(summary = "Receive a lot of sclerosant into stock")
    ResponseEntity<Lot> receive(@AuthenticationPrincipal VenulaPrincipal me,
            @RequestBody NewLot body) {
        return CreatedResponses.of(lots.receive(me, body), lot -> "/api/lots/" + lot.id());
    }

    @GetMapping("/api/lots")
    @Operation(summary = "The clinic's lots, in date, expired and recalled; paged (page from 0, size 1-200, 50 by "
            + "default) with a Link header to the next page")
    ResponseEntity<List<Lot>> lots(@AuthenticationPrincipal VenulaPrincipal me,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PagedResponses.of(lots.page(me, Paging.of(page, size)));
    }

    @PostMapping("/api/lots/{id}/recall")
    @Operation(summary = "Recall a lot, with the reason: it can no longer be charted")
    Lot recall(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, @RequestBody Reason body) {
        return lots.recall(me, id, body.reason());
    }

    @GetMapping("/api/lots/{lotNumber}/patients")
    @Operation(summary = "Every patient and session that received a lot number, for a product recall; paged (page "
            + "from 0, size 1-200, default 50; Link rel=next when more follow)")
    ResponseEntity<List<LotRecipient>> recipients(@AuthenticationPrincipal VenulaPrincipal me,
            @PathVariable String lotNumber, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PagedResponses.of(lots.recipients(me, lotNumber, Paging.of(page, size)));
    }

    // ---- sessions

    @GetMapping("/api/patients/{patientId}/session-blockers")
    @Operation(summary = "What must be done before a session can start today (consent, screening clearance)")
    List<Blocker> blockers(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long patientId) {
        return start.blockers(me, patientId);
    }

    @PostMapping("/api/patients/{patientId}/sessions")
    @Operation(summary = "Start a session: checklist confirmed, weight, consent in force and a current clearance")
    ResponseEntity<TreatmentSession> start(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long patientId,
            @RequestBody StartSession body) {
        return CreatedResponses.of(start.start(me, patientId, body), s -> "/api/sessions/" + s.id());
    }

    @GetMapping("/api/patients/{patientId}/sessions")
    @Operation(summary = "The patient's sessions, newest first")
    List<TreatmentSession> forPatient(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long patientId) {
        return sessions.forPatient(me, patientId);
    }

    @GetMapping("/api/sessions/{id}")
    @Operation(summary = "A session with its injections, addenda and dose check")
    ResponseEntity<TreatmentSession> get(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return tagged(sessions.get(me, id));
    }

    @PostMapping("/api/sessions/{id}/injections")
    @Operation(summary = "Chart an injection; refused (422 dose-limit) at a BLOCK unless overridden with a reason")
    ResponseEntity<TreatmentSession> chart(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestBody ChartInjection body) {
        return CreatedResponses.at("/api/sessions/" + id, charting.chart(me, id, body));
    }

    @PostMapping("/api/sessions/{id}/injections/repeat")
    @Operation(summary = "Repeat the last injection at a new point on the leg map")
    ResponseEntity<TreatmentSession> repeat(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestBody(required = false) RepeatRequest r) {
        return CreatedResponses.at("/api/sessions/" + id, charting.repeat(me, id, r.areaId(), r.x(), r.y(), r.view(),
                r.override() == null ? null : r.override().reason()));
    }

    @PostMapping("/api/sessions/{id}/injections/{injectionId}/void")
    @Operation(summary = "Strike out an injection charted by mistake, with the reason (open sessions only)")
    TreatmentSession voidInjection(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @PathVariable long injectionId, @RequestBody Reason body) {
        return charting.voidInjection(me, id, injectionId, body.reason());
    }

    @PutMapping("/api/sessions/{id}/compression")
    @Operation(summary = "Record the compression applied: type, length, mmHg and the standard it is quoted in")
    ResponseEntity<TreatmentSession> compression(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestBody Compression body,
            @Parameter(description = "the session version you loaded (its ETag); 409 stale-version if it changed since")
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return tagged(charting.compression(me, id, body, IfMatch.version(ifMatch)));
    }

    @PutMapping("/api/sessions/{id}/reactions")
    @Operation(summary = "Record immediate reactions (or NONE) and what was done")
    ResponseEntity<TreatmentSession> reactions(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestBody Reactions body,
            @Parameter(description = "the session version you loaded (its ETag); 409 stale-version if it changed since")
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return tagged(charting.reactions(me, id, body, IfMatch.version(ifMatch)));
    }

    @PostMapping("/api/sessions/{id}/sign")
    @Operation(summary = "Sign and lock the session; later corrections are addenda")
    TreatmentSession sign(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @Parameter(description = "the session version you loaded (its ETag); 409 stale-version if it changed since")
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return signing.sign(me, id, IfMatch.version(ifMatch));
    }

    @PostMapping("/api/sessions/{id}/addenda")
    @Operation(summary = "Add an addendum to a signed session: who, when and why")
    ResponseEntity<TreatmentSession> addendum(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestBody AddendumRequest r) {
        return CreatedResponses.at("/api/sessions/" + id, signing.addendum(me, id, r.reason(), r.text()));
    }

    /** The session with its version as the ETag, for the If-Match of the next change. */
    private static ResponseEntity<TreatmentSession> tagged(TreatmentSession s) {
        return ResponseEntity.ok().eTag(Integer.toString(s.version())).body(s);
    }
}

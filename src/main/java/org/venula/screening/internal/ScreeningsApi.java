package org.venula.screening.internal;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.venula.clinic.VenulaPrincipal;
import org.venula.screening.EvaluateRequest;
import org.venula.screening.ScreenPatient;
import org.venula.screening.ScreeningAnswer;
import org.venula.screening.Screenings;
import org.venula.screening.StoredScreening;
import org.venula.shared.web.CreatedResponses;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

@RestController
@Tag(name = "Screening")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ScreeningsApi {

    private final Screenings screenings;

    record SignOffRequest(String note) {
    }

    @PostMapping("/api/screenings/evaluate")
    @Operation(summary = "Screen a medical history against a protocol without storing anything (clinicians, admins)",
            description = "Every yes/no question must be answered: a missing answer is never read as 'no' (422).")
    ScreeningAnswer evaluate(@AuthenticationPrincipal VenulaPrincipal me,
            @RequestBody EvaluateRequest body) {
        return screenings.evaluate(me, body);
    }

    @PostMapping("/api/patients/{id}/screenings")
    @Operation(summary = "Screen the patient's current history under the clinic's active protocol and keep the result")
    ResponseEntity<StoredScreening> screen(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestBody(required = false) ScreenPatient request) {
        return CreatedResponses.of(screenings.screen(me, id, request),
                s -> "/api/patients/" + id + "/screenings/" + s.id());
    }

    @GetMapping("/api/patients/{id}/screenings")
    @Operation(summary = "The patient's screenings, newest first")
    List<StoredScreening> list(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return screenings.forPatient(me, id);
    }

    @PostMapping("/api/patients/{id}/screenings/{screeningId}/sign-off")
    @Operation(summary = "Sign off a CAUTION result with a note, so that it counts as clearance to treat")
    StoredScreening signOff(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @PathVariable long screeningId, @RequestBody(required = false) SignOffRequest request) {
        return screenings.signOff(me, id, screeningId, request == null ? null : request.note());
    }
}

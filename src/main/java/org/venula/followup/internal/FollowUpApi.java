package org.venula.followup.internal;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.venula.shared.Reason;
import org.venula.clinic.VenulaPrincipal;
import org.venula.followup.FollowUpTask;
import org.venula.followup.FollowUps;
import org.venula.followup.PatientFeedback;
import org.venula.scheduling.Appointment;
import org.venula.shared.Paging;
import org.venula.shared.web.PagedResponses;
import org.venula.shared.web.CreatedResponses;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

@RestController
@Tag(name = "Follow-up and recalls")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FollowUpApi {

    private final FollowUps followUps;
    private final PatientFeedback feedback;

    @GetMapping("/api/patients/{patientId}/feedback")
    @Operation(summary = "What the patient answered in the portal about their courses (satisfaction 1-5, would "
            + "repeat, comment), newest first (clinicians and administrators)")
    List<PatientFeedback.Feedback> feedback(@AuthenticationPrincipal VenulaPrincipal me,
            @PathVariable long patientId) {
        return feedback.forPatient(me, patientId);
    }

    @GetMapping("/api/recalls")
    @Operation(summary = "Reviews, next sessions and maintenance recalls due within 'within' days (default 28); "
            + "paged (page from 0, size 1-200, default 50), a Link header (rel=\"next\") when more follow")
    ResponseEntity<List<FollowUpTask>> due(@AuthenticationPrincipal VenulaPrincipal me,
            @RequestParam(required = false) Integer within, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PagedResponses.of(followUps.due(me, within, Paging.of(page, size)));
    }

    @PostMapping("/api/recalls/{id}/book")
    @Operation(summary = "Book a due follow-up on the first free slot of the session's practitioner")
    ResponseEntity<Appointment> book(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return CreatedResponses.of(followUps.book(me, id), a -> "/api/appointments/" + a.id());
    }

    @PostMapping("/api/recalls/{id}/dismiss")
    @Operation(summary = "Dismiss a due follow-up with the reason (clinicians)")
    FollowUpTask dismiss(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestBody Reason body) {
        return followUps.dismiss(me, id, body.reason());
    }

    @GetMapping("/api/patients/{patientId}/follow-ups")
    @Operation(summary = "The patient's follow-up tasks, latest first")
    List<FollowUpTask> forPatient(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long patientId) {
        return followUps.forPatient(me, patientId);
    }
}

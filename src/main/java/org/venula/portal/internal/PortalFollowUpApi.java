package org.venula.portal.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.venula.followup.PatientFeedback;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** After the course: the satisfaction questionnaire at the review, and the maintenance recall to book. */
@RestController
@Tag(name = "Portal")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PortalFollowUpApi {

    private final PatientFeedback feedback;

    @GetMapping("/api/portal/follow-up")
    @Operation(summary = "What is asked of you after your course: {satisfaction: {sessionId, sessionDate, from} or "
            + "null, recall: {from} or null}")
    PatientFeedback.AfterCourse followUp(@AuthenticationPrincipal PortalPatient me) {
        return feedback.own(me.clinicId(), me.patientId());
    }

    @PostMapping("/api/portal/feedback")
    @Operation(summary = "Answer the questionnaire after your course {satisfaction 1-5, wouldRepeat, comment?}",
            description = "201 with the answer as kept. 409 `…/no-feedback-due` before the review after the last "
                    + "session of a course, or once it is answered.")
    ResponseEntity<PatientFeedback.Feedback> answer(@AuthenticationPrincipal PortalPatient me,
            @RequestBody(required = false) PatientFeedback.Answer body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(feedback.answer(me.clinicId(), me.patientId(), body));
    }
}

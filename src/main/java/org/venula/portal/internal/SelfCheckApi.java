package org.venula.portal.internal;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.venula.patient.MedicalHistory;
import org.venula.screening.SelfCheckAnswer;
import org.venula.screening.Screenings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

@RestController
@Tag(name = "Public")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SelfCheckApi {

    private final Screenings screenings;

    /** The body of a self-check: the same history object as {@code POST /api/screenings/evaluate}. */
    record SelfCheckRequest(MedicalHistory history) {
    }

    @PostMapping("/api/public/clinics/{id}/self-check")
    @Operation(summary = "\"Am I suitable?\": screen a history anonymously, today, under the clinic's active protocol",
            description = "No sign-in; nothing is stored. Answers with the protocol's patient texts only. Every "
                    + "yes/no question must be answered (422 names each one), as for staff screening.")
    SelfCheckAnswer selfCheck(@PathVariable long id, @RequestBody SelfCheckRequest body) {
        return screenings.selfCheck(id, body == null ? null : body.history());
    }
}

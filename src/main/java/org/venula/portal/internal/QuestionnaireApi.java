package org.venula.portal.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.venula.patient.HistoryProposal;
import org.venula.patient.HistoryProposals;
import org.venula.patient.MedicalHistory;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;
import org.venula.shared.web.JsonFields;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The signed-in patient's health questionnaire: answers saved as they go, then sent to the clinic. */
@RestController
@Tag(name = "Portal")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class QuestionnaireApi {

    private final HistoryProposals proposals;
    private final JsonMapper json;

    /** The answers with the questions the patient is not sure of, yes/no ones left unanswered. */
    record Answers(MedicalHistory history, List<String> unsure) {
    }

    @GetMapping("/api/portal/history")
    @Operation(summary = "The patient's latest questionnaire: a draft, sent, or accepted (404 before any)")
    HistoryProposal latest(@AuthenticationPrincipal PortalPatient me) {
        return proposals.ownLatest(me.clinicId(), me.patientId())
                .orElseThrow(() -> new NotFoundException("Questionnaire"));
    }

    @PutMapping("/api/portal/history")
    @Operation(summary = "Send the questionnaire to the clinic: a proposed history version for a clinician to check",
            description = "The body is the history object of the staff API (duplex left out), or {history, unsure} "
                    + "naming the yes/no questions the patient is not sure of. 201 when it makes a new proposal, "
                    + "200 when it changes the one not yet accepted. Nothing changes the medical history until a "
                    + "clinician accepts it.")
    ResponseEntity<HistoryProposal> submit(@AuthenticationPrincipal PortalPatient me, @RequestBody JsonNode body) {
        Answers a = answers(body);
        HistoryProposals.Saved saved = proposals.submit(me.clinicId(), me.patientId(), a.history(), a.unsure());
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.proposal());
    }

    @PutMapping("/api/portal/history/draft")
    @Operation(summary = "Save the answers so far (a draft the clinic does not see)")
    HistoryProposal draft(@AuthenticationPrincipal PortalPatient me, @RequestBody JsonNode body) {
        Answers a = answers(body);
        return proposals.saveDraft(me.clinicId(), me.patientId(), a.history(), a.unsure()).proposal();
    }

    /** Either body shape: {history, unsure}, or the history object itself as staff send it. */
    private Answers answers(JsonNode body) {
        if (body != null && body.isObject() && body.has("history")) {
            Answers a = JsonFields.read(json, body, Answers.class);
            if (a.history() == null) {
                throw new InvalidInputException("history", "is required");
            }
            return new Answers(a.history(), a.unsure() == null ? List.of() : a.unsure());
        }
        List<FieldProblem> problems = new ArrayList<>();
        return new Answers(JsonFields.read(json, body, MedicalHistory.class, problems), List.of());
    }
}

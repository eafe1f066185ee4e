package org.venula.patient.internal;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.HistoryProposal;
import org.venula.patient.HistoryProposals;
import org.venula.patient.HistoryVersion;
import org.venula.patient.MedicalHistory;
import org.venula.shared.web.IfMatch;
import org.venula.shared.web.JsonFields;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

@RestController
@Tag(name = "Patients and medical history")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class HistoryProposalsApi {

    private final HistoryProposals proposals;
    private final JsonMapper json;

    /** A sent questionnaire with the history a clinician starts from when checking it. */
    record Review(HistoryProposal questionnaire, MedicalHistory startingPoint) {
    }

    @GetMapping("/api/patients/{id}/history/proposals")
    @Operation(summary = "The questionnaires the patient sent from the portal, newest first (clinicians, admins)")
    List<HistoryProposal> list(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return proposals.forPatient(me, id);
    }

    @GetMapping("/api/patients/{id}/history/proposals/{qid}")
    @Operation(summary = "One sent questionnaire, with the patient's answers merged over the recorded history")
    Review one(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, @PathVariable long qid) {
        return new Review(proposals.sent(me, id, qid), proposals.merged(me, id, qid));
    }

    @PostMapping("/api/patients/{id}/history/proposals/{qid}/accept")
    @Operation(summary = "Accept the patient's answers as the next version of the medical history",
            description = "The body, when given, is the history as the clinician checked and edited it; without one, "
                    + "the patient's answers merged over the recorded history are accepted as they are. If-Match: the "
                    + "history version you loaded (409 when a newer one was recorded meanwhile); questionnaireVersion: "
                    + "the questionnaire's version you checked (409 when the patient sent it again meanwhile).")
    HistoryVersion accept(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, @PathVariable long qid,
            @RequestBody(required = false) JsonNode body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(name = "questionnaireVersion", required = false) Integer questionnaireVersion) {
        MedicalHistory checked = body == null || body.isNull() || body.isEmpty() ? null
                : JsonFields.read(json, body, MedicalHistory.class);
        return proposals.accept(me, id, qid, checked, IfMatch.version(ifMatch), questionnaireVersion);
    }
}

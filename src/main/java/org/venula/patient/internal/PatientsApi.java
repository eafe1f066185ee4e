package org.venula.patient.internal;

import java.util.List;
import java.util.function.ToIntFunction;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.venula.accesslog.AccessEntry;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.HistoryVersion;
import org.venula.patient.MedicalHistory;
import org.venula.patient.PatientDraft;
import org.venula.patient.PatientPage;
import org.venula.patient.PatientRecord;
import org.venula.patient.MedicalHistories;
import org.venula.patient.Patients;
import org.venula.shared.InvalidInputException;
import org.venula.shared.Paging;
import org.venula.shared.web.Downloads;
import org.venula.shared.web.IfMatch;
import org.venula.shared.web.JsonFields;
import org.venula.shared.web.PagedResponses;
import org.venula.shared.web.CreatedResponses;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

@RestController
@RequestMapping("/api/patients")
@Tag(name = "Patients and medical history")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PatientsApi {

    private final Patients patients;
    private final MedicalHistories histories;
    private final JsonMapper json;

    @PostMapping
    @Operation(summary = "Register a patient; givenName, familyName, dateOfBirth and sex are required")
    ResponseEntity<PatientRecord> register(@AuthenticationPrincipal VenulaPrincipal me,
            @RequestBody PatientDraft draft) {
        return CreatedResponses.of(patients.register(me, draft), created -> "/api/patients/" + created.id());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A patient's demographics")
    ResponseEntity<PatientRecord> get(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return tagged(patients.get(me, id), PatientRecord::version);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Amend demographics; send the version you loaded (a stale version answers 409)")
    PatientRecord amend(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestBody PatientDraft draft) {
        return patients.amend(me, id, draft);
    }

    @GetMapping
    @Operation(summary = "Find patients by name, date of birth (YYYY-MM-DD or DD/MM/YYYY) or NHS number; paged")
    PatientPage search(@AuthenticationPrincipal VenulaPrincipal me,
            @RequestParam(required = false) String query,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return patients.search(me, query, page, size);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The current medical history (clinicians and admins); version 0 when none is recorded")
    ResponseEntity<HistoryVersion> history(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return tagged(histories.current(me, id), HistoryVersion::version);
    }

    @PutMapping("/{id}/history")
    @Operation(summary = "Record a new version of the medical history (clinicians and admins)",
            description = "The body is the history object of the screening API. Send If-Match with the version you "
                    + "loaded to be told (409) if someone recorded a newer one meanwhile. The Fitzpatrick skin type "
                    + "is kept here: a body without the fitzpatrickSkinType field keeps the one recorded; null "
                    + "clears it.")
    ResponseEntity<HistoryVersion> recordHistory(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = MedicalHistory.class))) @RequestBody JsonNode body,
            @Parameter(description = "the version you loaded, e.g. \"2\"")
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) String note) {
        // Read by hand, not as @RequestBody MedicalHistory: whether fitzpatrickSkinType is present at all matters.
        MedicalHistory history = JsonFields.read(json, body, MedicalHistory.class);
        // A body written before the skin type moved into the history leaves it out: that keeps the recorded one.
        HistoryVersion saved = body.has("fitzpatrickSkinType")
                ? histories.record(me, id, history, IfMatch.version(ifMatch), note)
                : histories.recordKeepingSkinType(me, id, history, IfMatch.version(ifMatch), note);
        return tagged(saved, HistoryVersion::version);
    }

    @GetMapping("/{id}/history/versions")
    @Operation(summary = "Every version of the medical history, newest first")
    List<HistoryVersion> historyVersions(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return histories.versions(me, id);
    }

    @GetMapping("/{id}/history/versions/{version}")
    @Operation(summary = "One earlier version of the medical history")
    HistoryVersion historyVersion(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @PathVariable int version) {
        return histories.version(me, id, version);
    }

    @GetMapping("/{id}/access-log")
    @Operation(summary = "Who read or changed this patient's record, newest first (admins); paged (page from 0, "
            + "size 1-200, default 50; Link rel=next when more follow)")
    ResponseEntity<List<AccessEntry>> accessLog(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PagedResponses.of(patients.accessLog(me, id, Paging.of(page, size)));
    }

    @GetMapping(path = "/{id}/access-log.csv", produces = "text/csv")
    @Operation(summary = "The patient's copy of who read or changed their record, as CSV (admins; subject access)")
    ResponseEntity<String> accessLogCopy(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return Downloads.csv(patients.accessLogCopy(me, id), "access-log-patient-" + id + ".csv");
    }

    /** The body with its version as the ETag, for the If-Match of the next change. */
    private static <T> ResponseEntity<T> tagged(T body, ToIntFunction<? super T> version) {
        return ResponseEntity.ok().eTag(Integer.toString(version.applyAsInt(body))).body(body);
    }
}

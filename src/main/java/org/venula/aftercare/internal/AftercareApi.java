package org.venula.aftercare.internal;

import java.util.List;

import org.springframework.http.MediaType;
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
import org.venula.aftercare.Aftercare;
import org.venula.aftercare.AftercarePlan;
import org.venula.aftercare.CheckIn;
import org.venula.aftercare.CheckIns;
import org.venula.aftercare.PatientLink;
import org.venula.aftercare.PlanRequest;
import org.venula.aftercare.StoredPlan;
import org.venula.aftercare.TriageAnswer;
import org.venula.aftercare.TriageRequest;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.Patients;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.venula.shared.web.Downloads;
import org.venula.shared.web.PagedResponses;
import org.venula.shared.web.CreatedResponses;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

@RestController
@Tag(name = "Aftercare and check-ins")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AftercareApi {

    private final Aftercare aftercare;
    private final CheckIns checkIns;
    private final AftercareDocuments documents;
    private final Patients patients;
    private final Clinics clinics;

    record NoteRequest(String note) {
    }

    @PostMapping("/api/aftercare/plan")
    @Operation(summary = "A dated aftercare plan from the protocol, stored nowhere (clinicians, admins)")
    AftercarePlan plan(@AuthenticationPrincipal VenulaPrincipal me,
            @RequestBody PlanRequest body) {
        return aftercare.plan(me, body);
    }

    @PostMapping("/api/check-ins/triage")
    @Operation(summary = "Triage symptoms after treatment: EMERGENCY, URGENT, CONTACT_CLINIC or EXPECTED (stateless)")
    TriageAnswer triage(@AuthenticationPrincipal VenulaPrincipal me,
            @RequestBody TriageRequest body) {
        return checkIns.triage(me, body);
    }

    @GetMapping("/api/patients/{patientId}/aftercare-plans")
    @Operation(summary = "The patient's stored aftercare plans, newest first (superseded versions kept)")
    List<StoredPlan> forPatient(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long patientId) {
        return aftercare.forPatient(me, patientId);
    }

    @GetMapping("/api/aftercare/plans/{id}")
    @Operation(summary = "A stored aftercare plan")
    StoredPlan get(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return aftercare.get(me, id);
    }

    @PostMapping("/api/aftercare/plans/{id}/link")
    @Operation(summary = "Issue the patient's private link (replaces an earlier one); shown once")
    ResponseEntity<PatientLink> link(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return ResponseEntity.status(201).body(aftercare.issueLink(me, id));
    }

    @PostMapping("/api/aftercare/plans/{id}/regenerate")
    @Operation(summary = "Make the plan again from the active protocol; recorded as an addendum to the session")
    ResponseEntity<StoredPlan> regenerate(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestBody Reason body) {
        return CreatedResponses.of(aftercare.regenerate(me, id, body.reason()), p -> "/api/aftercare/plans/" + p.id());
    }

    @GetMapping(path = "/api/aftercare/plans/{id}/leaflet.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The plan as a PDF leaflet")
    ResponseEntity<byte[]> leaflet(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        StoredPlan p = aftercare.get(me, id);
        byte[] pdf = documents.leaflet(me.clinicId(), patients.get(me, p.patientId()).fullName(), p);
        return Downloads.pdf(pdf, "aftercare-" + id + ".pdf", true);
    }

    @GetMapping(path = "/api/aftercare/plans/{id}/aftercare.ics", produces = "text/calendar")
    @Operation(summary = "The plan's dates as an iCalendar file")
    ResponseEntity<String> ics(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        StoredPlan p = aftercare.get(me, id);
        return Downloads.calendar(documents.ics(p, clinics.clinic(me.clinicId()).name()), "aftercare.ics");
    }

    @GetMapping("/api/check-ins")
    @Operation(summary = "Check-ins above EXPECTED that no clinician has acknowledged yet, most urgent first; paged "
            + "(page from 0, size 1-200, default 50; Link rel=next when more follow)")
    ResponseEntity<List<CheckIn>> open(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PagedResponses.of(checkIns.open(me, Paging.of(page, size)));
    }

    @GetMapping("/api/patients/{patientId}/check-ins")
    @Operation(summary = "The patient's check-ins, newest first")
    List<CheckIn> patientCheckIns(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long patientId) {
        return checkIns.forPatient(me, patientId);
    }

    @PostMapping("/api/check-ins/{id}/acknowledge")
    @Operation(summary = "A clinician acknowledges a check-in, with an optional note of what was done")
    CheckIn acknowledge(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestBody(required = false) NoteRequest body) {
        return checkIns.acknowledge(me, id, body.note());
    }
}

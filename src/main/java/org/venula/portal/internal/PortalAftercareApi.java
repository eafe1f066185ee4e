package org.venula.portal.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.venula.aftercare.Aftercare;
import org.venula.aftercare.AftercarePlan;
import org.venula.aftercare.CheckIns;
import org.venula.aftercare.TriageAnswer;
import org.venula.shared.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The signed-in patient's aftercare plans and check-ins: what the private link shows, under the portal's sign-in. */
@RestController
@Tag(name = "Portal")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PortalAftercareApi {

    private final Aftercare aftercare;
    private final CheckIns checkIns;

    /** One of the patient's aftercare plans: the treatment it follows and the dated plan. */
    record OwnAftercare(long id, LocalDate treatmentDate, int version, AftercarePlan plan) {
    }

    /** What the patient has noticed, as the symptom codes the plan lists, and anything else they want to say. */
    record CheckInBody(List<String> symptoms, String note) {
    }

    @GetMapping("/api/portal/aftercare")
    @Operation(summary = "Your current aftercare plans, newest treatment first")
    List<OwnAftercare> plans(@AuthenticationPrincipal PortalPatient me) {
        return aftercare.ownCurrentPlans(me.clinicId(), me.patientId()).stream()
                .map(p -> new OwnAftercare(p.id(), p.treatmentDate(), p.version(), p.plan())).toList();
    }

    @PostMapping("/api/portal/aftercare/{id}/check-ins")
    @Operation(summary = "Tell the clinic how you are {symptoms: [codes], note}: 201 with what to do now",
            description = "The same triage as the private link's check-in, by the plan's protocol; anything above "
                    + "EXPECTED waits for a clinician on the dashboard. Another patient's plan 404.")
    ResponseEntity<TriageAnswer> checkIn(@AuthenticationPrincipal PortalPatient me, @PathVariable long id,
            @RequestBody(required = false) CheckInBody body) {
        Aftercare.PatientView view = aftercare.ownView(me.clinicId(), me.patientId(), id, null)
                .orElseThrow(() -> new NotFoundException("Aftercare plan " + id));
        TriageAnswer answer = checkIns.checkIn(view, body == null || body.symptoms() == null ? List.of()
                : body.symptoms(), body == null ? null : body.note());
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }
}

package org.venula.clinic.internal;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.venula.clinic.ClinicContact;
import org.venula.clinic.ClinicDetails;
import org.venula.clinic.ClinicDetailsChange;
import org.venula.clinic.VenulaPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

@RestController
@Tag(name = "Clinic settings")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ClinicSettingsApi {

    private final ClinicDetails details;

    @GetMapping("/api/clinic/settings")
    @Operation(summary = "The clinic's current details given to patients (version 0 until first saved)")
    ClinicContact current(@AuthenticationPrincipal VenulaPrincipal me) {
        return details.current(me.clinicId());
    }

    @PutMapping("/api/clinic/settings")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Save a new version of the clinic's details (admin); `version` is the one you loaded, "
            + "409 (…/stale-version) if someone saved since")
    ClinicContact change(@AuthenticationPrincipal VenulaPrincipal me, @RequestBody ClinicDetailsChange change) {
        return details.change(me, change);
    }

    @GetMapping("/api/clinic/settings/versions")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Every saved version of the clinic's details, newest first (admin)")
    List<ClinicContact> versions(@AuthenticationPrincipal VenulaPrincipal me) {
        return details.versions(me);
    }
}

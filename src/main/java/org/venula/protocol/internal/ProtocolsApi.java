package org.venula.protocol.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.venula.clinic.VenulaPrincipal;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.ProtocolRef;
import org.venula.protocol.ProtocolVersion;
import org.venula.protocol.Protocols;
import org.venula.shared.InvalidInputException;
import org.venula.shared.web.IfMatch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

@RestController
@RequestMapping("/api/protocols")
@Tag(name = "Protocols")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProtocolsApi {

    private final Protocols protocols;

    record PresetSummary(String id, String name, String description, int version) {
    }

    record VersionSummary(String id, int version, String name, boolean active, OffsetDateTime createdAt,
            String createdBy, String note) {
    }

    record Listing(ProtocolRef active, List<PresetSummary> presets, List<VersionSummary> versions) {
    }

    @GetMapping
    @Operation(summary = "The presets Venula ships and your clinic's protocol versions (newest first)")
    Listing list(@AuthenticationPrincipal VenulaPrincipal me) {
        List<VersionSummary> versions = protocols.versions(me.clinicId()).stream()
                .map(v -> new VersionSummary(v.id(), v.version(), v.name(), v.active(), v.createdAt(), v.createdBy(),
                        v.note()))
                .toList();
        List<PresetSummary> presets = protocols.presets().stream()
                .map(p -> new PresetSummary(p.id(), p.name(), p.description(), p.version() == null ? 1 : p.version()))
                .toList();
        return new Listing(protocols.active(me.clinicId()).ref(), presets, versions);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A full protocol document: a preset by id, 'active' for your clinic's active version, "
            + "or ?version=N for one of your clinic's versions")
    ResponseEntity<ProtocolDocument> get(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable String id,
            @RequestParam(required = false) Integer version) {
        if (version != null) {
            ProtocolVersion v = protocols.version(me.clinicId(), version);
            if (!"active".equals(id) && !v.id().equals(id)) {
                throw new InvalidInputException("version", "version " + version + " of this clinic is protocol '"
                        + v.id() + "', not '" + id + "'");
            }
            return tagged(v);
        }
        if ("active".equals(id)) {
            return tagged(protocols.active(me.clinicId()));
        }
        return ResponseEntity.ok(protocols.preset(id));
    }

    @PutMapping("/active")
    @Operation(summary = "Save a new version of your clinic's protocol and make it active (admin)",
            description = "An invalid document answers 422 naming each bad field; the active version stays as it was. "
                    + "Send If-Match with the version you loaded (GET /api/protocols/active answers it as its ETag) "
                    + "to be told (409 stale-version) if another version became active meanwhile.")
    VersionSummary saveActive(@AuthenticationPrincipal VenulaPrincipal me, @RequestBody ProtocolDocument document,
            @RequestParam(required = false) String note,
            @Parameter(description = "the version you loaded, e.g. \"3\"")
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ProtocolVersion v = protocols.saveActive(me, document, note, IfMatch.version(ifMatch));
        return new VersionSummary(v.id(), v.version(), v.name(), v.active(), v.createdAt(), v.createdBy(), v.note());
    }

    /** A clinic's version with its number as the ETag, for the If-Match of the next save. */
    private static ResponseEntity<ProtocolDocument> tagged(ProtocolVersion v) {
        return ResponseEntity.ok().eTag(Integer.toString(v.version())).body(v.document());
    }
}

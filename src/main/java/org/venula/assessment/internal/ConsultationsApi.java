package org.venula.assessment.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.venula.assessment.Consultation;
import org.venula.assessment.ConsultationRequest;
import org.venula.assessment.Consultations;
import org.venula.assessment.Photo;
import org.venula.assessment.Photos;
import org.venula.assessment.rules.ConsultationOutcome;
import org.venula.clinic.VenulaPrincipal;
import org.venula.shared.InvalidInputException;
import org.venula.shared.web.CreatedResponses;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

@RestController
@Tag(name = "Consultations and photos")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ConsultationsApi {

    private final Consultations consultations;
    private final Photos photos;

    record OverrideRequest(ConsultationOutcome outcome, String reason) {
    }

    @PostMapping("/api/patients/{id}/consultations")
    @Operation(summary = "Record a consultation: examination, reflux, CEAP, VCSS, symptoms and the leg map")
    ResponseEntity<Consultation> record(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestBody ConsultationRequest body) {
        return CreatedResponses.of(consultations.record(me, id, body), c -> "/api/consultations/" + c.id());
    }

    @GetMapping("/api/patients/{id}/consultations")
    @Operation(summary = "The patient's consultations, newest first")
    List<Consultation> list(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return consultations.forPatient(me, id);
    }

    @GetMapping("/api/consultations/{cid}")
    @Operation(summary = "One consultation")
    Consultation get(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long cid) {
        return consultations.get(me, cid);
    }

    @PostMapping("/api/consultations/{cid}/override")
    @Operation(summary = "Override the derived outcome, once, with a reason")
    Consultation override(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long cid,
            @RequestBody OverrideRequest request) {
        return consultations.override(me, cid, request.outcome(), request.reason());
    }

    @PostMapping(path = "/api/consultations/{cid}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a JPEG or PNG photo (multipart: file, and optional areaId, view, takenOn, notes)",
            description = "A file that is not a real JPEG/PNG answers 415, one above the size limit 413; nothing is stored.")
    ResponseEntity<Photo> upload(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long cid,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) Long areaId, @RequestParam(required = false) Photo.View view,
            @RequestParam(required = false) LocalDate takenOn, @RequestParam(required = false) String notes)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "is required: choose a JPEG or PNG photo");
        }
        return CreatedResponses.of(photos.upload(me, cid, file.getBytes(), areaId, view, takenOn, notes),
                p -> "/api/photos/" + p.id());
    }

    @GetMapping("/api/consultations/{cid}/photos")
    @Operation(summary = "The consultation's photos (records; images at /api/photos/{pid})")
    List<Photo> photos(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long cid) {
        consultations.get(me, cid);
        return photos.forConsultation(me, cid);
    }

    @GetMapping("/api/photos/{pid}")
    @Operation(summary = "A photo's image (or ?thumbnail=true); every view is access-logged")
    ResponseEntity<byte[]> image(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long pid,
            @RequestParam(defaultValue = "false") boolean thumbnail) {
        return served(photos.image(me, pid, thumbnail));
    }

    /** A photo as the browser or client gets it: its own content type, never cached (it is a clinical record). */
    static ResponseEntity<byte[]> served(Photo.Image image) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.noStore()).body(image.bytes());
    }
}

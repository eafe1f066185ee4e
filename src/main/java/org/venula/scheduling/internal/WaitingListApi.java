package org.venula.scheduling.internal;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.venula.clinic.VenulaPrincipal;
import org.venula.scheduling.WaitingEntry;
import org.venula.shared.Paging;
import org.venula.shared.web.PagedResponses;
import org.venula.scheduling.WaitingList;
import org.venula.shared.web.CreatedResponses;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

@RestController
@Tag(name = "Appointments and calendars")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WaitingListApi {

    private final WaitingList waitingList;

    record RemoveRequest(String reason) {
    }

    @GetMapping("/api/waiting-list")
    @Operation(summary = "Patients waiting for an earlier appointment, first come first; paged (page from 0, size "
            + "1-200, default 50), a Link header (rel=\"next\") when more follow")
    ResponseEntity<List<WaitingEntry>> waiting(@AuthenticationPrincipal VenulaPrincipal me,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PagedResponses.of(waitingList.waiting(me, Paging.of(page, size)));
    }

    @PostMapping("/api/waiting-list")
    @Operation(summary = "Put a patient on the waiting list `{patientId, type, practitionerId?, note?}`; "
            + "409 (…/duplicate) when they already wait for that type")
    ResponseEntity<WaitingEntry> join(@AuthenticationPrincipal VenulaPrincipal me,
            @RequestBody WaitingList.Join join) {
        return CreatedResponses.of(waitingList.join(me, join), w -> "/api/waiting-list/" + w.id());
    }

    @PostMapping("/api/waiting-list/{id}/remove")
    @Operation(summary = "Take a patient off the waiting list with the reason")
    WaitingEntry remove(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestBody(required = false) RemoveRequest request) {
        return waitingList.remove(me, id, request == null ? null : request.reason());
    }
}

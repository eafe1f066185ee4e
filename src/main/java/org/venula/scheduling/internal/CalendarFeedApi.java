package org.venula.scheduling.internal;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.venula.clinic.VenulaPrincipal;
import org.venula.scheduling.CalendarFeeds;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

@RestController
@Tag(name = "Appointments and calendars")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CalendarFeedApi {

    private final CalendarFeeds feeds;

    @PostMapping("/api/practitioners/{id}/calendar-feed")
    @Operation(summary = "Issue a private iCalendar feed URL for the practitioner (revokes the previous one)")
    ResponseEntity<Map<String, String>> issue(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        String token = feeds.issue(me, id);
        return ResponseEntity.status(201).body(Map.of("path", "/calendar-feeds/" + token + ".ics"));
    }

    @DeleteMapping("/api/practitioners/{id}/calendar-feed")
    @Operation(summary = "Revoke the practitioner's feed")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        feeds.revoke(me, id);
        return ResponseEntity.noContent().build();
    }

    /** Public: calendar clients cannot sign in, so the random token in the URL is the credential. */
    @GetMapping(path = "/calendar-feeds/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        return feeds.feed(token)
                .map(body -> ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                        .body(body))
                .orElse(ResponseEntity.notFound().build());
    }
}

package org.venula.accesslog.internal;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.venula.accesslog.AccessLog;
import org.venula.accesslog.AccessLogPage;
import org.venula.accesslog.ChainVerification;
import org.venula.clinic.VenulaPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

@RestController
@RequestMapping("/api/access-log")
@Tag(name = "Access log")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AccessLogApi {

    private final AccessLog log;

    @GetMapping
    @Operation(summary = "Your clinic's access log, newest first (admin): optionally one user's, and a period of "
            + "whole days in the clinic's time zone (from and to both included)")
    AccessLogPage entries(@AuthenticationPrincipal VenulaPrincipal me,
            @RequestParam(required = false) Long userId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return log.read(me, userId, from, to, page, size);
    }

    @GetMapping("/verification")
    @Operation(summary = "Check the access log's hash chain from its first entry (admin): reports the first broken "
            + "link, if any, and the chain's last link")
    ChainVerification verification(@AuthenticationPrincipal VenulaPrincipal me) {
        return log.verify(me);
    }
}

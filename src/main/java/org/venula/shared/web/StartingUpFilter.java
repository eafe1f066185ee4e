package org.venula.shared.web;

import java.io.IOException;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.venula.shared.Problems;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Until Venula is ready (its first clinic, administrator and demo staff made, which happens after the server starts
 * listening), every request is answered 503 with {@code Retry-After}, not let through to find no such user: a first
 * sign-in a second too early would otherwise be refused as a wrong password and counted against the account. The
 * health check answers 503 too, so whatever waits for it waits for this.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class StartingUpFilter extends OncePerRequestFilter {

    static final String RETRY_SECONDS = "2";

    private final ApplicationAvailability availability;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_SECONDS);
        response.setCharacterEncoding("UTF-8");
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("text/html")) {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                    + "<meta http-equiv=\"refresh\" content=\"" + RETRY_SECONDS + "\"><title>Venula is starting</title>"
                    + "</head><body><main><h1>Venula is starting</h1><p>This page opens by itself in a few seconds."
                    + "</p></main></body></html>");
        } else {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"" + Problems.BASE + "starting\",\"title\":\"Starting\","
                    + "\"status\":503,\"detail\":\"Venula is still starting. Try again in a few seconds.\"}");
        }
    }
}

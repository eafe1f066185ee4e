package org.venula.clinic.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.venula.clinic.VenulaPrincipal;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Over the API, a user with a second factor sends the current six-digit code from their app in the
 * {@code Venula-OTP} header with each call; one whose clinic requires a second factor they have not set up is refused
 * until they set it up on the pages.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SecondFactorOverApi extends OncePerRequestFilter {

    static final String HEADER = "Venula-OTP";

    private final SecondFactors secondFactors;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof VenulaPrincipal me) {
            if (me.secondFactor() == VenulaPrincipal.SecondFactor.ENABLED
                    && !secondFactors.verifyForApi(me.userId(), request.getHeader(HEADER))) {
                SecurityConfiguration.problem(response, HttpStatus.UNAUTHORIZED, "second-factor-required",
                        "Second factor required", "Send the current code from your authenticator app in the "
                                + HEADER + " header.");
                return;
            }
            if (me.secondFactor() == VenulaPrincipal.SecondFactor.MISSING) {
                SecurityConfiguration.problem(response, HttpStatus.FORBIDDEN, "second-factor-setup-required",
                        "Second factor required", "Your clinic requires a second factor: set it up under Password "
                                + "and second factor on the pages first.");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}

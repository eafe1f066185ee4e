package org.venula.clinic.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.venula.clinic.VenulaPrincipal;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Checks on every page request that the signed-in user's account still stands. A deactivated account, or one whose
 * password was changed or reset after this session began, ends the session at once; an account whose password an
 * administrator set is sent to change it before anything else.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SessionStanding extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = "venula.signedInAt";
    static final String CHANGE_PASSWORD = "/account/password";
    private static final Set<String> ALWAYS = Set.of(CHANGE_PASSWORD, "/logout", "/login", "/error");

    private final AccountStanding standing;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (auth == null || !(auth.getPrincipal() instanceof VenulaPrincipal me) || session == null) {
            chain.doFilter(request, response);
            return;
        }
        Instant signedInAt = (Instant) session.getAttribute(SIGNED_IN_AT);
        if (signedInAt == null) {
            signedInAt = Instant.now();
            session.setAttribute(SIGNED_IN_AT, signedInAt);
        }
        Optional<AccountStanding.Standing> now = standing.of(me.userId());
        if (now.isEmpty() || !now.get().enabled() || (now.get().credentialsChangedAt() != null
                && now.get().credentialsChangedAt().toInstant().isAfter(signedInAt))) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            redirect(request, response, "/login?signedOut");
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean asset = path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/webjars/") || path.equals("/logout") || path.equals("/error");
        String to = null;
        if (asset) {
            chain.doFilter(request, response);
            return;
        }
        if (session.getAttribute(SecondFactorStep.PENDING) != null) {
            to = path.equals(SecondFactorStep.CODE_PAGE) ? null : SecondFactorStep.CODE_PAGE;
        } else if (now.get().mustChangePassword()) {
            to = ALWAYS.contains(path) ? null : CHANGE_PASSWORD;
        } else if (session.getAttribute(SecondFactorStep.SETUP_REQUIRED) != null) {
            to = path.equals(SecondFactorStep.SETUP_PAGE) || ALWAYS.contains(path) ? null : SecondFactorStep.SETUP_PAGE;
        }
        if (to != null) {
            redirect(request, response, to);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Marks the session as begun now (after the user changed their own password in it). */
    static void renew(HttpSession session) {
        session.setAttribute(SIGNED_IN_AT, Instant.now().plusMillis(1));
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String to)
            throws IOException {
        String target = request.getContextPath() + to;
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect(target);
        }
    }
}

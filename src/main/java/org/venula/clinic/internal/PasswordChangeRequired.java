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

/** Over the API, an account whose password an administrator set may only read itself and change its password. */
class PasswordChangeRequired extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (auth != null && auth.getPrincipal() instanceof VenulaPrincipal me && me.mustChangePassword()
                && !path.equals("/api/me") && !path.equals("/api/me/password")) {
            SecurityConfiguration.problem(response, HttpStatus.FORBIDDEN, "password-change-required",
                    "Password change required", "Change the password an administrator set (PUT /api/me/password) "
                            + "before anything else.");
            return;
        }
        chain.doFilter(request, response);
    }
}

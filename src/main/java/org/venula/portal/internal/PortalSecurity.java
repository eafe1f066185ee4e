package org.venula.portal.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.venula.shared.Problems;
import org.venula.shared.web.TamperTolerantCsrfTokens;

/**
 * The portal's own security chain, ahead of the staff chains: a patient's session is kept under its own session
 * attribute, so a patient's sign-in is never a staff sign-in (and the reverse) even in one browser. Pages have CSRF
 * tokens on every form; the portal's JSON API takes only {@code application/json} bodies, which a page of another
 * site cannot send without the browser asking first, so it needs no token.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {

    static final HttpSessionSecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();

    static {
        CONTEXTS.setSpringSecurityContextKey("VENULA_PORTAL_SECURITY_CONTEXT");
    }

    @Bean
    @Order(0)
    SecurityFilterChain portal(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher("/portal", "/portal/**", "/api/portal/**")
                .securityContext(c -> c.securityContextRepository(CONTEXTS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/portal/sign-in", "/api/portal/verify", "/api/portal/register",
                                "/portal/sign-in", "/portal/sign-in/**", "/portal/register").permitAll()
                        .anyRequest().hasAuthority(PortalPatient.ROLE))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(PortalSecurity::unauthorized,
                                paths.matcher("/api/portal/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/portal/sign-in"),
                                request -> true))
                .requestCache(r -> r.disable())
                .csrf(c -> c.ignoringRequestMatchers(paths.matcher("/api/portal/**"))
                        .csrfTokenRequestHandler(new TamperTolerantCsrfTokens()))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(c -> c.policyDirectives(TamperTolerantCsrfTokens.CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    /** Starts the patient's session: a new session id (no fixation), the patient's identity under the portal's key. */
    static void signIn(PortalPatient patient, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(patient, null,
                List.of(new SimpleGrantedAuthority(PortalPatient.ROLE))));
        SecurityContextHolder.setContext(context);
        CONTEXTS.saveContext(context, request, response);
    }

    /** Ends the patient's session in the portal (a staff sign-in in the same browser is left as it is). */
    static void signOut(HttpServletRequest request, HttpServletResponse response) {
        SecurityContext empty = SecurityContextHolder.createEmptyContext();
        SecurityContextHolder.clearContext();
        CONTEXTS.saveContext(empty, request, response);
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e) throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"" + Problems.type("unauthorized") + "\",\"title\":\"Unauthorized\","
                + "\"status\":401,\"detail\":\"Sign in to the portal with the code sent to your e-mail address.\"}");
    }
}

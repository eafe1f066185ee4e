package org.venula.clinic.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;


import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.venula.clinic.rules.SignInPolicy;
import org.venula.shared.Problems;
import org.venula.shared.web.TamperTolerantCsrfTokens;

/**
 * Pages: form login with a session and CSRF on every form. API ({@code /api/**}): HTTP Basic, stateless,
 * answering 401 and 403 as problem+json. A wrong password gets the same answer whether or not the user exists.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * No Micrometer observation around each security filter, authentication and authorisation: nothing reads them,
     * and wrapping every filter of the chain cost about a tenth of a short API call (measured with JFR, bench/).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt, with the {id} prefix so the algorithm can be upgraded later without a migration.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SignInPolicy signInPolicy(@Value("${venula.sign-in.free-failures:3}") int free,
            @Value("${venula.sign-in.first-delay:PT1S}") Duration firstDelay,
            @Value("${venula.sign-in.max-delay:PT30S}") Duration maxDelay,
            @Value("${venula.sign-in.lock-after:10}") int lockAfter,
            @Value("${venula.sign-in.lock-for:PT15M}") Duration lockFor) {
        return new SignInPolicy(free, firstDelay, maxDelay, lockAfter, lockFor);
    }

    @Bean
    RecentlyVerifiedCredentials recentlyVerifiedCredentials(UserDetailsService users, PasswordEncoder encoder,
            Clock clock) {
        return new RecentlyVerifiedCredentials(dao(users, encoder), clock);
    }

    private static DaoAuthenticationProvider dao(UserDetailsService users, PasswordEncoder encoder) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return dao;
    }

    private static GuardedSignIn.AddressLimit addressLimit(Environment env) {
        return new GuardedSignIn.AddressLimit(env.getProperty("venula.sign-in.address-failures", Integer.class, 100),
                env.getProperty("venula.sign-in.address-window", Duration.class, Duration.ofMinutes(15)));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, RecentlyVerifiedCredentials remembered, SignInLocks locks,
            SignInEvents events, SignInPolicy policy, Environment env, Clock clock, SecondFactors secondFactors)
            throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(new ProviderManager(new GuardedSignIn(remembered, locks, events, policy,
                        addressLimit(env), clock)))
                .addFilterAfter(new PasswordChangeRequired(), BasicAuthenticationFilter.class)
                .addFilterAfter(new SecondFactorOverApi(secondFactors), PasswordChangeRequired.class)
                // administrators' endpoints are refused by address, before any body is read or validated
                .authorizeHttpRequests(a -> a.requestMatchers("/api/users", "/api/users/**", "/api/sign-in-events",
                                "/api/access-log", "/api/access-log/**", "/api/reminders", "/api/audit/**",
                                "/api/clinic/settings/versions")
                        .hasRole("ADMIN")
                        .requestMatchers(org.springframework.http.HttpMethod.PUT, "/api/clinic/settings").hasRole("ADMIN")
                        // what the public may ask without signing in: "am I suitable?" (nothing stored)
                        .requestMatchers("/api/public/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.realmName("Venula").authenticationEntryPoint((req, res, ex) ->
                        problem(res, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                                "Sign in with a valid username and password.")))
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) ->
                        problem(res, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                "Your role does not allow this action.")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic authentication sends no cookie a browser could replay, so no CSRF token is needed.
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, UserDetailsService users, PasswordEncoder encoder,
            SignInLocks locks, SignInEvents events, SignInPolicy policy, Environment env, Clock clock,
            AccountStanding standing) throws Exception {
        http.authenticationManager(new ProviderManager(new GuardedSignIn(dao(users, encoder), locks, events, policy,
                        addressLimit(env), clock)))
                .addFilterAfter(new SessionStanding(standing), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**", "/v3/api-docs/**", "/api-docs",
                                "/swagger-ui/**", "/calendar-feeds/**", "/my/**", "/clinics/*/information",
                                "/clinics/*/suitability").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(new SecondFactorStep()).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").permitAll())
                .csrf(c -> c.csrfTokenRequestHandler(new TamperTolerantCsrfTokens()))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(c -> c.policyDirectives(TamperTolerantCsrfTokens.CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    static void problem(HttpServletResponse res, HttpStatus status, String type, String title, String detail)
            throws IOException {
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            res.setHeader("WWW-Authenticate", "Basic realm=\"Venula\"");
        }
        res.getWriter().write("{\"type\":\"" + Problems.type(type) + "\",\"title\":\"" + title + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}

package org.venula.clinic.internal;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
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
import org.venula.shared.Problems;

/**
 * Pages: form login with a session and CSRF on every form. API ({@code /api/**}): HTTP Basic, stateless,
 * answering 401 and 403 as problem+json. A wrong password gets the same answer whether or not the user exists.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt, with the {id} prefix so the algorithm can be upgraded later without a migration.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, UserDetailsService users, PasswordEncoder encoder, Clock clock)
            throws Exception {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        http.securityMatcher("/api/**")
                .authenticationManager(new ProviderManager(new RecentlyVerifiedCredentials(dao, clock)))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
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
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**", "/v3/api-docs/**", "/api-docs",
                                "/swagger-ui/**", "/calendar-feeds/**", "/my/**", "/clinics/*/information").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").permitAll())
                .csrf(c -> c.csrfTokenRequestHandler(new TamperTolerantCsrfTokens()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
        return http.build();
    }

    private static void problem(HttpServletResponse res, HttpStatus status, String type, String title, String detail)
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

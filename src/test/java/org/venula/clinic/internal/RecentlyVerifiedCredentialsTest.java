package org.venula.clinic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.venula.clinic.Role;
import org.venula.clinic.VenulaPrincipal;

class RecentlyVerifiedCredentialsTest {

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final VenulaPrincipal nurse = new VenulaPrincipal(7, 1, "nurse", "Nurse", Role.CLINICIAN, true, null);
    private final AuthenticationProvider bcrypt = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
            bcryptChecks.incrementAndGet();
            if (!"nurse".equals(a.getName()) || !"right-password".equals(a.getCredentials())) {
                throw new BadCredentialsException("Bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(nurse, null, nurse.getAuthorities());
        }

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }
    };

    @Test
    void aVerifiedPasswordIsNotCheckedWithBcryptAgainUntilItExpires() {
        MutableClock clock = new MutableClock();
        RecentlyVerifiedCredentials provider = new RecentlyVerifiedCredentials(bcrypt, clock);
        assertThat(provider.authenticate(login("nurse", "right-password")).getPrincipal()).isSameAs(nurse);
        assertThat(provider.authenticate(login("nurse", "right-password")).isAuthenticated()).isTrue();
        assertThat(bcryptChecks).hasValue(1);

        clock.now = clock.now.plus(RecentlyVerifiedCredentials.TTL).plusSeconds(1);
        provider.authenticate(login("nurse", "right-password"));
        assertThat(bcryptChecks).hasValue(2);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedInFullAndNeverRemembered() {
        RecentlyVerifiedCredentials provider = new RecentlyVerifiedCredentials(bcrypt, new MutableClock());
        provider.authenticate(login("nurse", "right-password"));
        assertThatThrownBy(() -> provider.authenticate(login("nurse", "wrong-password")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(login("nurse", "wrong-password")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptChecks).hasValue(3);
    }

    private static Authentication login(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

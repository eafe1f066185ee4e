package org.venula.clinic.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.venula.clinic.rules.SignInPolicy;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Sign-in protection in front of the password check, for the form and HTTP Basic alike. An attempt for a username
 * that is locked or still within its delay, or from an address with too many recent failures, is refused without
 * the password being checked; a wrong password counts towards the delay and the lock. Every refusal is the same
 * {@link BadCredentialsException} a wrong password or an unknown user gets, so nothing tells them apart.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class GuardedSignIn implements AuthenticationProvider {

    /** Failures from one address within the window, then every attempt from it is refused until the window ends. */
    record AddressLimit(int failures, Duration window) {
    }

    private static final int MAX_ADDRESSES = 50_000;

    private final AuthenticationProvider delegate;
    private final SignInLocks locks;
    private final SignInEvents events;
    private final SignInPolicy policy;
    private final AddressLimit addressLimit;
    private final Clock clock;
    private final Map<String, AddressFailures> byAddress = new ConcurrentHashMap<>();

    private record AddressFailures(Instant since, int count) {
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = remoteAddress();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        SignInLocks.State state = locks.state(username, now);
        if (addressBlocked(address, now.toInstant()) || state.blocked()) {
            fail(username, address, now, SignInEvents.Event.REFUSED);
            throw new BadCredentialsException("Bad credentials");
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (AuthenticationException e) {
            fail(username, address, now, SignInEvents.Event.FAILED);
            throw new BadCredentialsException("Bad credentials");
        }
        if (result != null && result.isAuthenticated() && state.failures() > 0) {
            locks.clear(username);
        }
        return result;
    }

    private void fail(String username, String address, OffsetDateTime now, SignInEvents.Event event) {
        SignInLocks.Failure failure = locks.failed(username, now, policy);
        events.record(now, username, event, address, null);
        if (failure.locked()) {
            events.record(now, username, SignInEvents.Event.LOCKED, address, null);
        }
        if (address != null) {
            if (byAddress.size() > MAX_ADDRESSES) {
                byAddress.clear();
            }
            byAddress.merge(address, new AddressFailures(now.toInstant(), 1), (old, one) ->
                    old.since().plus(addressLimit.window()).isBefore(one.since()) ? one
                            : new AddressFailures(old.since(), old.count() + 1));
        }
    }

    private boolean addressBlocked(String address, Instant now) {
        AddressFailures f = address == null ? null : byAddress.get(address);
        return f != null && f.count() >= addressLimit.failures() && now.isBefore(f.since().plus(addressLimit.window()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private static String remoteAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest().getRemoteAddr() : null;
    }
}

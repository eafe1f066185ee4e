package org.venula.clinic.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.venula.clinic.VenulaPrincipal;

/**
 * Stateless HTTP Basic sends the password with every API call, and checking it with bcrypt costs tens of
 * milliseconds of CPU by design. This provider remembers, for a few minutes, that a username and password were
 * verified: only an HMAC of the password under a key that lives in this process's memory is kept, never the
 * password. Failures are never remembered, so a wrong password still gets the full bcrypt check and the same answer
 * whether or not the user exists. A password change, a reset or a deactivation clears the user's entry at once.
 */
public class RecentlyVerifiedCredentials implements AuthenticationProvider {

    static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();
    /** One keyed HMAC per request thread: looking the algorithm up and keying it cost more than the HMAC itself. */
    private final ThreadLocal<Mac> hmacs = ThreadLocal.withInitial(this::keyedHmac);

    private record Entry(byte[] mac, VenulaPrincipal principal, Instant expires) {
    }

    RecentlyVerifiedCredentials(AuthenticationProvider delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (username == null || !(credentials instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        byte[] mac = mac(username, password);
        Entry entry = verified.get(username);
        Instant now = clock.instant();
        if (entry != null && now.isBefore(entry.expires()) && java.security.MessageDigest.isEqual(entry.mac(), mac)) {
            return UsernamePasswordAuthenticationToken.authenticated(entry.principal(), null,
                    entry.principal().getAuthorities());
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated() && result.getPrincipal() instanceof VenulaPrincipal p) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(username, new Entry(mac, p, now.plus(TTL)));
        }
        return result;
    }

    /** Forgets a user's remembered credentials (their password changed, or their account was deactivated). */
    public void forget(String username) {
        verified.remove(username == null ? "" : username);
        verified.remove(SignInLocks.key(username));
    }

    /** Forgets everyone's remembered credentials (a clinic-wide rule for signing in changed). */
    public void forgetAll() {
        verified.clear();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private byte[] mac(String username, String password) {
        Mac hmac = hmacs.get();
        hmac.update(username.getBytes(StandardCharsets.UTF_8));
        hmac.update((byte) 0);
        return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    }

    private Mac keyedHmac() {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return hmac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}

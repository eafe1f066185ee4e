package org.venula.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/** An authenticator app, for tests: reads the key Venula shows and gives the six-digit code for a moment. */
public final class Authenticator {

    private static final Pattern KEY = Pattern.compile("class=\"key\">([A-Z2-7 ]+)<");

    private final SecretKeySpec key;

    private Authenticator(String secret) {
        this.key = new SecretKeySpec(new Base32().decode(secret.replace(" ", "")), "HmacSHA1");
    }

    /** The app set up from the key on Venula's set-up page. */
    public static Authenticator fromPage(String html) {
        Matcher m = KEY.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no key on the page");
        }
        return new Authenticator(m.group(1));
    }

    public static Authenticator fromKey(String secret) {
        return new Authenticator(secret);
    }

    /** The code the app shows {@code stepsAhead} 30-second steps from now. */
    public String code(int stepsAhead) {
        try {
            return new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6)
                    .generateOneTimePasswordString(key, Instant.now().plusSeconds(30L * stepsAhead), Locale.ROOT);
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}

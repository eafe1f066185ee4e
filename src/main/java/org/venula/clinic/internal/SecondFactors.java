package org.venula.clinic.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.clinic.Role;
import org.venula.shared.Sha256;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Staff's second factor: a six-digit time-based one-time password (RFC 6238, 30-second steps, HMAC-SHA1 as every
 * authenticator app expects), accepted one step either side for clocks that drift, and never twice on the pages;
 * and ten single-use recovery codes, kept only as SHA-256 hashes. A clinic may require it for clinicians and
 * administrators.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SecondFactors {

    static final String ISSUER = "Venula";
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    /** A key offered to a user who is setting up their app: shown until they confirm it with a code. */
    public record Enrolment(String secret, String otpauthUri) {

        /** The key in groups of four, as people type it. */
        public String grouped() {
            return secret.replaceAll("(.{4})(?!$)", "$1 ");
        }
    }

    /** Whether the user has a second factor, and whether their clinic requires one of them. */
    public record Status(boolean enabled, boolean required) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SignInEvents events;
    private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(STEP, 6);
    private final SecureRandom random = new SecureRandom();

    public Status status(long userId) {
        return jdbc.sql("""
                SELECT u.totp_secret IS NOT NULL AS enabled, c.require_second_factor AND u.role IN ('ADMIN', 'CLINICIAN')
                  AS required FROM app_user u JOIN clinic c ON c.id = u.clinic_id WHERE u.id = :id""")
                .param("id", userId)
                .query((rs, n) -> new Status(rs.getBoolean("enabled"), rs.getBoolean("required")))
                .optional().orElse(new Status(false, false));
    }

    public Enrolment newEnrolment(String username) {
        byte[] key = new byte[20];
        random.nextBytes(key);
        String secret = new Base32().encodeToString(key).replace("=", "");
        String label = ISSUER + ":" + username;
        return new Enrolment(secret, "otpauth://totp/" + encode(label) + "?secret=" + secret + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=6&period=30");
    }

    /**
     * Turns the second factor on once the user proves their app holds the key; returns the recovery codes, shown
     * once, or empty when the code is wrong.
     */
    @Transactional
    public Optional<List<String>> confirm(long userId, String username, String secret, String code) {
        Long step = matchingStep(secret, code);
        if (step == null) {
            return Optional.empty();
        }
        jdbc.sql("UPDATE app_user SET totp_secret = :s, totp_last_step = :step WHERE id = :id")
                .param("s", secret).param("step", step).param("id", userId).update();
        jdbc.sql("DELETE FROM recovery_code WHERE user_id = :id").param("id", userId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder c = new StringBuilder();
            for (int j = 0; j < 10; j++) {
                c.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
                if (j == 4) {
                    c.append('-');
                }
            }
            codes.add(c.toString());
            jdbc.sql("INSERT INTO recovery_code (user_id, code_hash, created_at) VALUES (:u, :h, :at)")
                    .param("u", userId).param("h", Sha256.hex(c.toString())).param("at", now()).update();
        }
        events.record(now(), username, SignInEvents.Event.SECOND_FACTOR_ON, null, username);
        return Optional.of(codes);
    }

    /**
     * Checks a code at sign-in: the current one-time password (not one used before) or an unused recovery code,
     * which is then used up.
     */
    @Transactional
    public boolean verifyAtSignIn(long userId, String username, String code) {
        String secret = secret(userId).orElse(null);
        if (secret == null || code == null) {
            return false;
        }
        String c = code.replaceAll("\\s", "");
        Long step = matchingStep(secret, c);
        if (step != null) {
            return jdbc.sql("""
                    UPDATE app_user SET totp_last_step = :step
                    WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)""")
                    .param("step", step).param("id", userId).update() == 1;
        }
        int used = jdbc.sql("""
                UPDATE recovery_code SET used_at = :at WHERE user_id = :u AND code_hash = :h AND used_at IS NULL""")
                .param("at", now()).param("u", userId).param("h", Sha256.hex(c.toLowerCase(Locale.ROOT))).update();
        if (used == 1) {
            events.record(now(), username, SignInEvents.Event.RECOVERY_CODE_USED, null, username);
        }
        return used == 1;
    }

    /** Checks a code sent with an API call: the current one-time password (it may be sent with several calls). */
    public boolean verifyForApi(long userId, String code) {
        String secret = secret(userId).orElse(null);
        return secret != null && code != null && matchingStep(secret, code.strip()) != null;
    }

    /** Removes the user's second factor (a lost phone), as an administrator or the user. */
    @Transactional
    public void remove(long userId, String username, String actor) {
        jdbc.sql("UPDATE app_user SET totp_secret = NULL, totp_last_step = NULL WHERE id = :id").param("id", userId)
                .update();
        jdbc.sql("DELETE FROM recovery_code WHERE user_id = :id").param("id", userId).update();
        events.record(now(), username, SignInEvents.Event.SECOND_FACTOR_OFF, null, actor);
    }

    public long unusedRecoveryCodes(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE user_id = :u AND used_at IS NULL")
                .param("u", userId).query(Long.class).single();
    }

    public boolean required(long clinicId) {
        return jdbc.sql("SELECT require_second_factor FROM clinic WHERE id = :id").param("id", clinicId)
                .query(Boolean.class).single();
    }

    /** Requires (or stops requiring) a second factor of the clinic's clinicians and administrators. */
    public void setRequired(long clinicId, boolean required) {
        jdbc.sql("UPDATE clinic SET require_second_factor = :r WHERE id = :id").param("r", required)
                .param("id", clinicId).update();
    }

    /** Whether a role falls under the clinic's requirement. */
    public static boolean covers(Role role) {
        return role == Role.ADMIN || role == Role.CLINICIAN;
    }

    private Optional<String> secret(long userId) {
        return jdbc.sql("SELECT totp_secret FROM app_user WHERE id = :id").param("id", userId).query(String.class)
                .optional();
    }

    /** The 30-second step (now, or one either side) whose one-time password is {@code code}; null if none. */
    Long matchingStep(String secret, String code) {
        if (code == null || !code.matches("\\d{6}")) {
            return null;
        }
        SecretKeySpec key = new SecretKeySpec(new Base32().decode(secret), "HmacSHA1");
        Instant now = clock.instant();
        long step = now.getEpochSecond() / STEP.getSeconds();
        try {
            for (long s = step - 1; s <= step + 1; s++) {
                String expected = totp.generateOneTimePasswordString(key, Instant.ofEpochSecond(s * STEP.getSeconds()),
                        Locale.ROOT);
                if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        code.getBytes(StandardCharsets.US_ASCII))) {
                    return s;
                }
            }
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("A stored second-factor key is unusable", e);
        }
        return null;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

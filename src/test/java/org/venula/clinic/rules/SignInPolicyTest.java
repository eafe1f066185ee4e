package org.venula.clinic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default sign-in policy as a table: failures in a row, the wait before the next attempt, and the lock. */
class SignInPolicyTest {

    private static final SignInPolicy DEFAULT = new SignInPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), 10,
            Duration.ofMinutes(15));

    @ParameterizedTest(name = "{0} failures: wait {1} s, locked {2}")
    @CsvSource({
            "0, 0, false",
            "1, 0, false",
            "3, 0, false",
            "4, 1, false",
            "5, 2, false",
            "6, 4, false",
            "8, 16, false",
            "9, 30, false",
            "10, 30, true",
            "50, 30, true"})
    void failuresInARow(int failures, long waitSeconds, boolean locked) {
        assertThat(DEFAULT.delayAfter(failures)).isEqualTo(Duration.ofSeconds(waitSeconds));
        assertThat(DEFAULT.locks(failures)).isEqualTo(locked);
    }
}

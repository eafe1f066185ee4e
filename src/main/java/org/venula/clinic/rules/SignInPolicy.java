package org.venula.clinic.rules;

import java.time.Duration;

/**
 * How sign-in failures for one username are answered. The first {@code freeFailures} cost nothing; each further one
 * makes the next attempt wait {@code firstDelay}, doubling up to {@code maxDelay}; at {@code lockAfter} failures the
 * username is locked for {@code lockFor}. An attempt made while waiting or locked is refused without the password
 * being checked, counts as a failure, and is answered exactly like a wrong password.
 */
public record SignInPolicy(int freeFailures, Duration firstDelay, Duration maxDelay, int lockAfter, Duration lockFor) {

    public SignInPolicy {
        if (freeFailures < 0 || lockAfter < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0
                || lockFor.isNegative()) {
            throw new IllegalArgumentException("sign-in policy out of range");
        }
    }

    /** How long the next attempt must wait after {@code failures} failures in a row. */
    public Duration delayAfter(int failures) {
        if (failures <= freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures - 1, 20);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** Whether {@code failures} failures in a row lock the username. */
    public boolean locks(int failures) {
        return failures >= lockAfter;
    }
}

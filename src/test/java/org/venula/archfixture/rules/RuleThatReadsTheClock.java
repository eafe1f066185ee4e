package org.venula.archfixture.rules;

import java.time.Clock;
import java.time.LocalDate;

/** Deliberately reads the clock itself: ArchitectureTest shows that the build catches it. */
public final class RuleThatReadsTheClock {

    private RuleThatReadsTheClock() {
    }

    public static boolean inFuture(LocalDate date) {
        return date.isAfter(LocalDate.now(Clock.systemUTC()));
    }
}

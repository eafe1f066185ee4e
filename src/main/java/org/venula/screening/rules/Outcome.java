package org.venula.screening.rules;

import org.venula.protocol.Level;

/** The overall answer: the most severe level found, where no finding or only INFO is ELIGIBLE. */
public enum Outcome {
    ELIGIBLE, CAUTION, DEFER, REFER, NOT_SUITABLE;

    static Outcome of(Level worst) {
        return worst == null || worst == Level.INFO ? ELIGIBLE : valueOf(worst.name());
    }
}

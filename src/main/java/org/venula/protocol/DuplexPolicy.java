package org.venula.protocol;

/** When a duplex scan must be on record before treatment. */
public enum DuplexPolicy {
    /** Every patient (seed 002). */
    ALWAYS,
    /** When varicose veins are seen or suspected (seeds 000, 001, 004). */
    IF_VARICOSE_VEINS_SUSPECTED,
    /** At the clinician's discretion (IUP: not needed for asymptomatic C1). */
    NEVER
}

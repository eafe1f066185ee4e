package org.venula.protocol;

/** A constraint on treatment that charting enforces; reported by screening whatever the outcome. */
public enum Restriction {
    AVOID_POLIDOCANOL, AVOID_SODIUM_TETRADECYL_SULFATE, LIMIT_FOAM, NO_FOAM;

    /** The restriction that excludes an agent, e.g. AVOID_POLIDOCANOL for POLIDOCANOL; null for agents without one. */
    public static Restriction avoiding(String agent) {
        for (Restriction r : values()) {
            if (r.name().equals("AVOID_" + agent)) {
                return r;
            }
        }
        return null;
    }
}

package org.venula.followup.rules;

/**
 * What a review decides: another session of the course, a touch-up, discharge with a maintenance recall, or referral.
 * The names are the API's values.
 */
public enum ReviewDecision {
    ANOTHER_SESSION, TOUCH_UP, DISCHARGE, REFER;

    /** The decision of that name, or null when there is none. */
    public static ReviewDecision of(String name) {
        for (ReviewDecision d : values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }
}

package org.venula.clinic;

/** A user of the clinic, without anything secret. */
public record UserView(long id, String username, String displayName, Role role, boolean enabled, Long practitionerId,
        boolean mustChangePassword, java.time.OffsetDateTime lockedUntil, boolean secondFactor) {
}

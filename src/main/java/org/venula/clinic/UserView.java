package org.venula.clinic;

/**
 * A user of the clinic, without anything secret. {@code resetPending}: they sign in with a temporary password an
 * administrator set, and must choose their own.
 */
public record UserView(long id, String username, String displayName, Role role, boolean enabled, Long practitionerId,
        boolean resetPending, java.time.OffsetDateTime lockedUntil, boolean secondFactor) {
}

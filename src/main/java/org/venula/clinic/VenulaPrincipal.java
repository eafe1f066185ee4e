package org.venula.clinic;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user: who they are, their clinic and their role. */
public final class VenulaPrincipal implements UserDetails, CredentialsContainer {

    private final long userId;
    private final long clinicId;
    private final String username;
    private final String displayName;
    private final Role role;
    private final boolean enabled;
    private final boolean mustChangePassword;
    private String passwordHash;

    public VenulaPrincipal(long userId, long clinicId, String username, String displayName, Role role,
            boolean enabled, String passwordHash) {
        this(userId, clinicId, username, displayName, role, enabled, passwordHash, false);
    }

    public VenulaPrincipal(long userId, long clinicId, String username, String displayName, Role role,
            boolean enabled, String passwordHash, boolean mustChangePassword) {
        this(userId, clinicId, username, displayName, role, enabled, passwordHash, mustChangePassword,
                SecondFactor.NONE);
    }

    /** Whether the user signs in with a second factor: none, set up, or required by the clinic but not set up. */
    public enum SecondFactor { NONE, ENABLED, MISSING }

    private final SecondFactor secondFactor;

    public VenulaPrincipal(long userId, long clinicId, String username, String displayName, Role role,
            boolean enabled, String passwordHash, boolean mustChangePassword, SecondFactor secondFactor) {
        this.mustChangePassword = mustChangePassword;
        this.secondFactor = secondFactor;
        this.userId = userId;
        this.clinicId = clinicId;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.enabled = enabled;
        this.passwordHash = passwordHash;
    }

    public long userId() {
        return userId;
    }

    public long clinicId() {
        return clinicId;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    /** Clinicians and admins see the whole clinical record; reception does not. */
    public boolean seesClinicalRecord() {
        return role == Role.CLINICIAN || role == Role.ADMIN;
    }

    /** Refuses (403) a user who may not see the clinical record, such as reception. */
    public void requireClinicalRecord() {
        if (!seesClinicalRecord()) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Only clinicians and administrators see the clinical record");
        }
    }

    /** Signed in with a password an administrator set: it must be changed before anything else. */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public SecondFactor secondFactor() {
        return secondFactor;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "VenulaPrincipal[" + username + ", clinic " + clinicId + ", " + role + "]";
    }
}

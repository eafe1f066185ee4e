package org.venula.clinic;

/** What a user may do in their clinic. */
public enum Role {
    /** Runs the clinic's set-up: users, protocol; sees everything. */
    ADMIN,
    /** Treats patients; sees the whole record. */
    CLINICIAN,
    /** Front desk: demographics and appointments, never the medical history. */
    RECEPTION;

    public String authority() {
        return "ROLE_" + name();
    }
}

package org.venula.clinic;

/** An administrator's new version of the clinic's details; {@code version} is the one they loaded. */
public record ClinicDetailsChange(Integer version, String name, String address, String phone, String email,
        String website, String emergencyNumber, String regulatorPrompt, Boolean signNeedsPassword) {
}

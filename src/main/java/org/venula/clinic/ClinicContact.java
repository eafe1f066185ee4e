package org.venula.clinic;

import java.time.OffsetDateTime;

/**
 * {@code signNeedsPassword}: signing a treatment session on the pages asks for the clinician's password again.
 * What a patient is told about how to reach the clinic, and the clinic's regulator prompt, at one version. Version 0
 * is the start-up default (from configuration) before an administrator has saved the settings page.
 */
public record ClinicContact(long clinicId, int version, String name, String address, String phone, String email,
        String website, String emergencyNumber, String regulatorPrompt, boolean signNeedsPassword,
        OffsetDateTime changedAt, String changedBy) {

    /** The phone number as a {@code tel:} URI (digits and a leading +), or null when there is none. */
    public String phoneUri() {
        return tel(phone);
    }

    public String emergencyUri() {
        return tel(emergencyNumber);
    }

    private static String tel(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        String digits = number.replaceAll("[^0-9+]", "");
        return digits.isEmpty() ? null : "tel:" + digits;
    }

    /** The patient-facing sentence "call the clinic on …" with whatever contact details there are. */
    public String howToContact() {
        if (phone != null && !phone.isBlank()) {
            return "Call " + name + " on " + phone + ".";
        }
        if (email != null && !email.isBlank()) {
            return "E-mail " + name + " at " + email + ".";
        }
        return "Contact " + name + ".";
    }
}

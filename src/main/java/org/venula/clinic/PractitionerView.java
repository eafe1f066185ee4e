package org.venula.clinic;

/** A clinician's practitioner profile; its id is what bookings and sessions refer to. */
public record PractitionerView(long id, long userId, String displayName, String profession, String registrationNumber) {
}

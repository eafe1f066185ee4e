package org.venula.planning;

import java.time.LocalDate;

/** The patient's consent: their name as they type it, the date, and the practitioner witnessing (default: you). */
public record ConsentRequest(String patientName, LocalDate consentedOn, Long witnessPractitionerId) {
}

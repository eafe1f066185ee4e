package org.venula.patient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;

/**
 * A patient's demographics as stored. {@code fitzpatrickSkinType} is not stored with them: it is a read-only copy of
 * the current medical history's skin type, kept in the API for clients written before the skin type moved there
 * (null when none is recorded, and for users who do not see the medical history).
 */
public record PatientRecord(long id, String givenName, String familyName, LocalDate dateOfBirth, Sex sex, String phone,
        String email, String address, String nhsNumber, BigDecimal weightKg, String occupation,
        Boolean prolongedStanding, Integer fitzpatrickSkinType, int version, OffsetDateTime createdAt,
        String createdBy, OffsetDateTime updatedAt, String updatedBy) {

    /** Whether the patient made this record themselves, registering in the portal. */
    public boolean selfRegistered() {
        return SelfRegistrations.CREATED_BY.equals(createdBy);
    }

    public String fullName() {
        return givenName + " " + familyName;
    }

    public int ageOn(LocalDate date) {
        return Period.between(dateOfBirth, date).getYears();
    }

    /** The NHS number grouped 3-3-4 as it is printed on NHS documents. */
    public String nhsNumberFormatted() {
        return nhsNumber == null ? null
                : nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6);
    }

    public PatientDraft toDraft() {
        return new PatientDraft(givenName, familyName, dateOfBirth, sex, phone, email, address, nhsNumber, weightKg,
                occupation, prolongedStanding, fitzpatrickSkinType, version);
    }
}

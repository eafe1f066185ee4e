package org.venula.patient.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.venula.patient.Sex;

/**
 * The patient row. The table's {@code fitzpatrick_skin_type} column is no longer mapped: since V27 the skin type is
 * kept in the medical history only, and the column keeps what was entered before, unread.
 */
public record Patient(@Id Long id, long clinicId, String givenName, String familyName, LocalDate dateOfBirth, Sex sex,
        String phone, String email, String address, String nhsNumber, BigDecimal weightKg, String occupation,
        Boolean prolongedStanding, @Version Integer version, OffsetDateTime createdAt,
        String createdBy, OffsetDateTime updatedAt, String updatedBy) {
}

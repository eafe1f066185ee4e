package org.venula.patient.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.venula.patient.Sex;

public record Patient(@Id Long id, long clinicId, String givenName, String familyName, LocalDate dateOfBirth, Sex sex,
        String phone, String email, String address, String nhsNumber, BigDecimal weightKg, String occupation,
        Boolean prolongedStanding, Integer fitzpatrickSkinType, @Version Integer version, OffsetDateTime createdAt,
        String createdBy, OffsetDateTime updatedAt, String updatedBy) {
}

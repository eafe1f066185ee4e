package org.venula.clinic.internal;

import java.time.OffsetDateTime;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

public record Practitioner(@Id Long id, long clinicId, long userId, String displayName, String profession,
        String registrationNumber, @Version Integer version, OffsetDateTime createdAt, String createdBy,
        OffsetDateTime updatedAt, String updatedBy) {
}

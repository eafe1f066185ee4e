package org.venula.clinic.internal;

import java.time.OffsetDateTime;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

public record Clinic(@Id Long id, String name, String timeZone, boolean demo, @Version Integer version,
        OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy) {
}

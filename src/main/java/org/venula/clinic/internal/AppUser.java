package org.venula.clinic.internal;

import java.time.OffsetDateTime;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.venula.clinic.Role;

public record AppUser(@Id Long id, long clinicId, String username, String passwordHash, String displayName, Role role,
        boolean enabled, boolean mustChangePassword, String totpSecret, @Version Integer version, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt,
        String updatedBy) {
}

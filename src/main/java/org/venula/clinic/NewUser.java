package org.venula.clinic;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A user to create in the admin's clinic. {@code profession} and {@code registrationNumber} describe a
 * clinician's practitioner profile and are ignored for other roles.
 */
public record NewUser(
        @NotBlank @Size(min = 3, max = 100)
        @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "may contain only letters, digits and . _ @ -")
        String username,
        @NotBlank @Size(min = 12, max = 200, message = "must be between 12 and 200 characters") String password,
        @NotBlank @Size(max = 200) String displayName,
        @NotNull Role role,
        @Size(max = 100) String profession,
        @Size(max = 50) String registrationNumber) {
}

package org.venula.patient;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A patient's demographics as entered, for registering or amending. {@code version} is the version the
 * editor loaded: required when amending, so a change made meanwhile by someone else is not lost.
 * <p>
 * {@code fitzpatrickSkinType} is not a demographic: the skin type belongs to the medical history
 * ({@link MedicalHistory#fitzpatrickSkinType()}), where it is versioned and screening reads it. The field is still
 * accepted here so that API clients written before it moved keep working: a value (1–6) that differs from the
 * history's is recorded as a new version of the medical history, by a clinician or administrator (reception is
 * told to leave it to a clinician); null or the same value changes nothing. The pages no longer ask it here.
 */
public record PatientDraft(
        @NotBlank(message = "is required") @Size(max = 100) String givenName,
        @NotBlank(message = "is required") @Size(max = 100) String familyName,
        @NotNull(message = "is required") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfBirth,
        @NotNull(message = "is required") Sex sex,
        @Size(max = 40) @Pattern(regexp = "[+0-9 ()-]*", message = "may contain only digits, spaces, + ( ) and -")
        String phone,
        @Email @Size(max = 254) String email,
        @Size(max = 500) String address,
        @Size(max = 20) String nhsNumber,
        @DecimalMin(value = "1.0", message = "must be at least 1 kg")
        @DecimalMax(value = "500.0", message = "must be at most 500 kg")
        @Digits(integer = 3, fraction = 1, message = "must have at most one decimal place")
        BigDecimal weightKg,
        @Size(max = 200) String occupation,
        Boolean prolongedStanding,
        @Schema(deprecated = true, description = "Recorded in the medical history (a new version when it differs); "
                + "send it with the history instead. Null changes nothing.")
        @Min(value = 1, message = "must be between 1 and 6") @Max(value = 6, message = "must be between 1 and 6")
        Integer fitzpatrickSkinType,
        Integer version) {

    public static PatientDraft empty() {
        return new PatientDraft(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}

package org.venula.aftercare;

import java.time.OffsetDateTime;

/** A private link to a patient's plan, shown once when issued. */
public record PatientLink(String url, OffsetDateTime expiresAt) {
}

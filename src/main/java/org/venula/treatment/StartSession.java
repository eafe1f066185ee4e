package org.venula.treatment;

import java.math.BigDecimal;
import java.util.List;

/**
 * Starting a session: from a booked TREATMENT appointment, or ad hoc with a reason. {@code confirmed} lists the
 * checklist codes the clinician has checked; {@code weightKg} is the weight measured or confirmed today; left out, the weight recorded at a session within
 * the protocol's {@code weightValidityDays} (90 in {@code standard}) is used, and without one it is required.
 */
public record StartSession(Long appointmentId, String adHocReason, BigDecimal weightKg, List<String> confirmed) {
}

package org.venula.treatment;

import java.math.BigDecimal;
import java.util.List;

/**
 * Starting a session: from a booked TREATMENT appointment, or ad hoc with a reason. {@code confirmed} lists the
 * checklist codes the clinician has checked; {@code weightKg} is the weight measured or confirmed today.
 */
public record StartSession(Long appointmentId, String adHocReason, BigDecimal weightKg, List<String> confirmed) {
}

package org.venula.treatment;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A session in which a patient received a lot: for a product recall. */
public record LotRecipient(long patientId, String patientName, String nhsNumber, long sessionId, LocalDate sessionDate,
        long lotId, String agent, BigDecimal strengthPercent, int injections, BigDecimal volumeMl,
        String sessionStatus) {
}

package org.venula.planning.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A priced course. {@code total} is what the course costs from here on: the sessions, less the consultation fee
 * where it is redeemed, plus hosiery. The consultation fee itself was charged at the consultation.
 */
public record Quote(String currency, String sizeBand, int totalHands, int sessions, BigDecimal sessionPrice,
        List<Line> lines, BigDecimal consultationFee, BigDecimal redemption, BigDecimal total, LocalDate validUntil) {

    public record Line(String description, BigDecimal amount) {
    }
}

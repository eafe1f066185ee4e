package org.venula.treatment;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A lot received into stock. {@code receivedOn} defaults to today. */
public record NewLot(String agent, String product, BigDecimal strengthPercent, String lotNumber, LocalDate expiryDate,
        LocalDate receivedOn, Integer quantity) {
}

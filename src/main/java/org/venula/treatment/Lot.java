package org.venula.treatment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A lot of sclerosant in the clinic's stock. */
public record Lot(long id, String agent, String product, BigDecimal strengthPercent, String lotNumber,
        LocalDate expiryDate, LocalDate receivedOn, int quantity, OffsetDateTime recalledAt, String recalledBy,
        String recallReason, OffsetDateTime createdAt, String createdBy) {

    public enum State { IN_DATE, EXPIRED, RECALLED }

    /** RECALLED, or EXPIRED after its expiry date, else IN_DATE. A lot may be used on its expiry date. */
    public State stateOn(LocalDate day) {
        if (recalledAt != null) {
            return State.RECALLED;
        }
        return day.isAfter(expiryDate) ? State.EXPIRED : State.IN_DATE;
    }

    public boolean usableOn(LocalDate day) {
        return stateOn(day) == State.IN_DATE;
    }
}

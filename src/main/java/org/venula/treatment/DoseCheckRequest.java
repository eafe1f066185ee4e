package org.venula.treatment;

import java.math.BigDecimal;
import java.util.List;

import org.venula.protocol.VeinType;
import org.venula.treatment.rules.DoseCheck.Form;

/**
 * A stateless dose check. {@code protocol} names a preset; without it the clinic's active protocol applies.
 * {@code restrictions}: LIMIT_FOAM, NO_FOAM, AVOID_&lt;AGENT&gt;.
 */
public record DoseCheckRequest(BigDecimal weightKg, String protocol, List<String> restrictions,
        List<Item> injections) {

    /** One injection; {@code liquidParts}/{@code gasParts} default to 1 and 4 for foam. */
    public record Item(String agent, BigDecimal concentrationPercent, Form form, BigDecimal volumeMl,
            BigDecimal liquidParts, BigDecimal gasParts, VeinType veinType) {
    }
}

package org.venula.treatment;

import java.math.BigDecimal;

import org.venula.protocol.VeinType;
import org.venula.treatment.rules.DoseCheck.Form;

/**
 * One injection as charted. {@code areaId} is a mapped area of the consultation; {@code x}/{@code y} the point on the
 * leg map and {@code view} FRONT or BACK. {@code veinType} defaults to the area's; foam parts to the protocol's mix
 * and gas to AIR. An {@code override} reason is needed only when the dose check blocks.
 */
public record ChartInjection(Long areaId, BigDecimal x, BigDecimal y, String view, Long lotId,
        BigDecimal concentrationPercent, Form form, BigDecimal liquidParts, BigDecimal gasParts, Gas gas,
        BigDecimal volumeMl, Integer needleGauge, VeinType veinType, Boolean ultrasound, Override override) {

    public enum Gas { AIR, CO2_O2 }

    public record Override(String reason) {
    }
}

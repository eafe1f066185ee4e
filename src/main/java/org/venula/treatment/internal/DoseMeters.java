package org.venula.treatment.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.venula.shared.Labels;
import org.venula.treatment.rules.DoseCheck;

/** The dose meter shown while charting and before signing: one bar per limit the dose check measures. */
final class DoseMeters {

    private DoseMeters() {
    }

    /** One bar of the dose meter: what it measures, the value, the limit and how full it is. */
    record Meter(String label, BigDecimal value, BigDecimal limit, String unit, int percent, String level) {
    }

    static List<Meter> of(DoseCheck.Result dose, int warnAtPercent) {
        List<Meter> out = new ArrayList<>();
        for (DoseCheck.AgentTotal a : dose.agents()) {
            String name = Labels.sentence(a.agent());
            if (a.limitMg() != null) {
                out.add(meter(name + " today", a.totalMg(), a.limitMg(), "mg", warnAtPercent));
            }
            if (a.maxLiquidVolumeMl() != null) {
                out.add(meter(name + " liquid", a.liquidVolumeMl(), a.maxLiquidVolumeMl(), "mL", warnAtPercent));
            }
        }
        out.add(meter("Foam", dose.foamVolumeMl(), dose.maxFoamVolumeMl(), "mL", warnAtPercent));
        return out;
    }

    /** A bar of the meter; its level by the same rule as the dose check (on the rounded figures it shows). */
    private static Meter meter(String label, BigDecimal value, BigDecimal limit, String unit, int warnAtPercent) {
        int percent = limit.signum() == 0 ? 100 : value.multiply(BigDecimal.valueOf(100))
                .divide(limit, MathContext.DECIMAL64).setScale(0, RoundingMode.HALF_UP).intValue();
        String level = DoseCheck.level(value, limit, warnAtPercent).name();
        return new Meter(label, value, limit, unit, percent, level);
    }
}

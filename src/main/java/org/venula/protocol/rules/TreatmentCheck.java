package org.venula.protocol.rules;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.ProtocolDocument.AgentLimit;
import org.venula.protocol.ProtocolDocument.TreatmentSettings;
import org.venula.protocol.VeinType;

/**
 * Charting a session: the checklist before the first injection, how recent the weight must be (a day to ten years),
 * and the dose limits. Every stocked sclerosant needs its limits and no other agent may have any: at most 100 mg per
 * kg per day (or none) and 100 mL of liquid per session; the usual highest strength per vein type at most 3%; foam
 * at most 100 mL per session, less or the same while a screening restriction limits foam; a warning from 1 to 100% of
 * a limit. The charting defaults: foam mixed from 1 to 10 parts of liquid and of gas, 1 to 5 parts gas for each part
 * liquid (1 + 4 is the Tessari mix); and, when given, a needle of 25 G (the widest) to 33 G (the finest) for thread
 * and reticular veins. A document stored before it had a needle charts with 30 G
 * ({@link ProtocolDocument.ChartingDefaults#STANDARD}). The standard preset cites the European guidelines for
 * sclerotherapy (Rabe et al., 2014) on needles and foam preparation.
 */
final class TreatmentCheck extends RequiredSection<TreatmentSettings> {

    static final int MAX_WEIGHT_VALIDITY_DAYS = 3650;

    static final BigDecimal MAX_MG_PER_KG_PER_DAY = BigDecimal.valueOf(100);

    static final int MAX_ML = 100;

    static final int MAX_PARTS = 10;

    static final int MOST_GAS_PARTS_PER_LIQUID_PART = 5;

    static final int FINEST_NEEDLE_GAUGE = 33;

    static final int WIDEST_NEEDLE_GAUGE = 25;

    TreatmentCheck() {
        super("treatment", ProtocolDocument::treatment);
    }

    @Override
    void checkPresent(ProtocolDocument doc, TreatmentSettings t, FieldProblems problems) {
        checklist(problems, t);
        problems.whole("treatment.weightValidityDays", t.weightValidityDays(), 1, MAX_WEIGHT_VALIDITY_DAYS);
        Set<String> agents = SclerosantCheck.stocked(doc.sclerosants());
        agentLimits(problems, t, agents);
        maxConcentrations(problems, t, agents);
        BigDecimal foam = problems.decimal("treatment.maxFoamMlPerSession", t.maxFoamMlPerSession(), MAX_ML);
        BigDecimal limited = problems.decimal("treatment.maxFoamMlLimited", t.maxFoamMlLimited(), MAX_ML);
        if (foam != null && limited != null && limited.compareTo(foam) > 0) {
            problems.add("treatment.maxFoamMlLimited.value", "must not be above maxFoamMlPerSession");
        }
        problems.whole("treatment.warnAtPercent", t.warnAtPercent(), 1, 100);
        chartingDefaults(problems, t);
    }

    private static void checklist(FieldProblems problems, TreatmentSettings t) {
        if (t.checklist() == null) {
            return;
        }
        Set<String> codes = new HashSet<>();
        problems.eachPresent("treatment.checklist", t.checklist(), (path, c) -> {
            problems.text(path + ".code", c.code(), 60);
            if (c.code() != null) {
                problems.uniqueCode(path + ".code", c.code(), codes, "must be upper case letters, digits and _",
                        "appears twice");
            }
            problems.text(path + ".text", c.text(), 300);
            problems.source(path, c.source());
        });
    }

    private static void agentLimits(FieldProblems problems, TreatmentSettings t, Set<String> agents) {
        Map<String, AgentLimit> limits = t.agentLimits() == null ? Map.of() : t.agentLimits();
        for (String agent : agents) {
            if (!limits.containsKey(agent)) {
                problems.add("treatment.agentLimits." + agent, "is required: every stocked sclerosant needs its limits");
            }
        }
        limits.forEach((agent, limit) -> {
            String path = "treatment.agentLimits." + agent;
            if (!agents.contains(agent)) {
                problems.add(path, "must be one of the stocked sclerosants");
                return;
            }
            if (!problems.present(path, limit)) {
                return;
            }
            if (limit.mgPerKgPerDay() != null && (limit.mgPerKgPerDay().signum() <= 0
                    || limit.mgPerKgPerDay().compareTo(MAX_MG_PER_KG_PER_DAY) > 0)) {
                problems.add(path + ".mgPerKgPerDay", "must be above 0 and at most 100, or left out");
            }
            problems.positive(path + ".maxLiquidMlPerSession", limit.maxLiquidMlPerSession(), MAX_ML);
            problems.source(path, limit.source());
        });
    }

    private static void maxConcentrations(FieldProblems problems, TreatmentSettings t, Set<String> agents) {
        if (t.maxConcentrationPercent() == null) {
            return;
        }
        t.maxConcentrationPercent().forEach((veinType, byAgent) -> {
            String path = "treatment.maxConcentrationPercent." + veinType;
            if (!VeinType.isName(veinType)) {
                problems.add(path, "must be TELANGIECTASIA, RETICULAR or VARICOSE_TRIBUTARY");
                return;
            }
            if (byAgent != null) {
                byAgent.forEach((agent, max) -> {
                    if (!agents.contains(agent)) {
                        problems.add(path + "." + agent, "must be one of the stocked sclerosants");
                    } else {
                        problems.positive(path + "." + agent, max, 3);
                    }
                });
            }
        });
        problems.text("treatment.maxConcentrationSource", t.maxConcentrationSource(), 500);
    }

    /** The foam mix and the needle that charting offers until the clinician enters others. */
    private static void chartingDefaults(FieldProblems problems, TreatmentSettings t) {
        Integer liquid = problems.whole("treatment.foamLiquidParts", t.foamLiquidParts(), 1, MAX_PARTS);
        Integer gas = problems.whole("treatment.foamGasParts", t.foamGasParts(), 1, MAX_PARTS);
        if (parts(liquid) && parts(gas) && (gas < liquid || gas > MOST_GAS_PARTS_PER_LIQUID_PART * liquid)) {
            problems.add("treatment.foamGasParts.value",
                    "must be 1 to 5 parts gas for each part liquid (the Tessari mix is 1 + 4)");
        }
        if (t.needleGauge() != null) {
            problems.whole("treatment.needleGauge", t.needleGauge(), WIDEST_NEEDLE_GAUGE, FINEST_NEEDLE_GAUGE);
        }
    }

    private static boolean parts(Integer value) {
        return value != null && value >= 1 && value <= MAX_PARTS;
    }
}

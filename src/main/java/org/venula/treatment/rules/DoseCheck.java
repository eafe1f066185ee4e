package org.venula.treatment.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.venula.protocol.VeinType;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.Restriction;

/**
 * The dose check: milligrams per agent against a per-kg daily limit, liquid volume per agent and foam volume per
 * session against their limits, foam and agents a screening restriction forbids, and strengths above the usual one
 * for the vein type. Every figure and its source is in the protocol; see {@code treatment} in
 * {@code protocols/standard.yaml}.
 *
 * <p>Arithmetic is exact: {@link BigDecimal}, multiplying before dividing, dividing with {@link MathContext#DECIMAL64}.
 * Limits are compared on those values; only the figures reported are rounded (half up, to 0.1).
 */
public final class DoseCheck {

    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext MC = MathContext.DECIMAL64;

    private DoseCheck() {
    }

    public enum Form { LIQUID, FOAM }

    public enum Status { OK, WARN, BLOCK }

    /** One injection. {@code veinType} may be null (then the strength is not compared). */
    public record Injection(String agent, BigDecimal concentrationPercent, Form form, BigDecimal volumeMl,
            int liquidParts, int gasParts, VeinType veinType) {

        /** Millilitres of liquid sclerosant: all of a liquid injection, the liquid share of a foam. */
        public BigDecimal liquidMl() {
            if (form == Form.LIQUID) {
                return volumeMl;
            }
            return volumeMl.multiply(BigDecimal.valueOf(liquidParts))
                    .divide(BigDecimal.valueOf((long) liquidParts + gasParts), MC);
        }

        /** Milligrams of sclerosant: % × 10 × mL of liquid (1% is 10 mg/mL), multiplied before dividing. */
        public BigDecimal milligrams() {
            BigDecimal numerator = concentrationPercent.multiply(TEN).multiply(volumeMl);
            if (form == Form.LIQUID) {
                return numerator;
            }
            return numerator.multiply(BigDecimal.valueOf(liquidParts))
                    .divide(BigDecimal.valueOf((long) liquidParts + gasParts), MC);
        }
    }

    /** An agent's limits: mg per kg per day (null: none) and mL of liquid per session (null: none). */
    public record AgentLimit(BigDecimal mgPerKgPerDay, BigDecimal maxLiquidMlPerSession) {
    }

    /**
     * The protocol's limits. {@code maxConcentration} is keyed by vein type, then agent. {@code names} gives each
     * agent's name for the messages.
     */
    public record Limits(Map<String, AgentLimit> agents, Map<VeinType, Map<String, BigDecimal>> maxConcentration,
            BigDecimal maxFoamMl, BigDecimal maxFoamMlLimited, int warnAtPercent, Map<String, String> names) {

        /** The limits a protocol sets. */
        public static Limits of(ProtocolDocument protocol) {
            ProtocolDocument.TreatmentSettings t = protocol.treatment();
            Map<String, AgentLimit> agents = new LinkedHashMap<>();
            t.agentLimits().forEach((agent, l) -> agents.put(agent,
                    new AgentLimit(l.mgPerKgPerDay(), l.maxLiquidMlPerSession())));
            Map<VeinType, Map<String, BigDecimal>> concentration = new EnumMap<>(VeinType.class);
            if (t.maxConcentrationPercent() != null) {
                t.maxConcentrationPercent().forEach((type, byAgent) -> concentration.put(VeinType.valueOf(type),
                        byAgent == null ? Map.of() : byAgent));
            }
            Map<String, String> names = new LinkedHashMap<>();
            protocol.sclerosants().forEach(s -> names.put(s.agent(), s.name()));
            return new Limits(agents, concentration, t.maxFoamMlPerSession().value(), t.maxFoamMlLimited().value(),
                    t.warnAtPercent().value(), names);
        }
    }

    public record AgentTotal(String agent, BigDecimal totalMg, BigDecimal limitMg, BigDecimal liquidVolumeMl,
            BigDecimal maxLiquidVolumeMl) {
    }

    public record Message(String code, Status level, String text) {
    }

    public record Result(Status status, List<AgentTotal> agents, BigDecimal foamVolumeMl, BigDecimal maxFoamVolumeMl,
            List<Message> messages) {
    }

    /**
     * Checks one session's injections. {@code earlierToday} are the patient's injections in other sessions of the
     * same calendar day: they count towards the daily milligram limit, not towards the per-session volumes.
     * Restrictions are those of the screening in force ({@code LIMIT_FOAM}, {@code NO_FOAM},
     * {@code AVOID_<AGENT>}).
     */
    public static Result check(BigDecimal weightKg, Limits limits, Set<Restriction> restrictions,
            List<Injection> session, List<Injection> earlierToday) {
        Map<String, BigDecimal> mg = new LinkedHashMap<>();
        Map<String, BigDecimal> liquid = new LinkedHashMap<>();
        for (Injection i : session) {
            mg.merge(i.agent(), i.milligrams(), BigDecimal::add);
            liquid.putIfAbsent(i.agent(), BigDecimal.ZERO);
            if (i.form() == Form.LIQUID) {
                liquid.merge(i.agent(), i.volumeMl(), BigDecimal::add);
            }
        }
        for (Injection i : earlierToday) {
            if (mg.containsKey(i.agent())) {
                mg.merge(i.agent(), i.milligrams(), BigDecimal::add);
            }
        }
        BigDecimal foam = session.stream().filter(i -> i.form() == Form.FOAM).map(Injection::volumeMl)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean foamLimited = restrictions.contains(Restriction.LIMIT_FOAM);
        BigDecimal maxFoam = foamLimited ? limits.maxFoamMlLimited() : limits.maxFoamMl();

        Messages messages = new Messages();
        // Agents a restriction forbids, and foam where foam is not allowed.
        Map<String, List<Integer>> forbidden = new LinkedHashMap<>();
        List<Integer> forbiddenFoam = new ArrayList<>();
        for (int n = 0; n < session.size(); n++) {
            Injection i = session.get(n);
            Restriction avoid = Restriction.avoiding(i.agent());
            if (avoid != null && restrictions.contains(avoid)) {
                forbidden.computeIfAbsent(i.agent(), a -> new ArrayList<>()).add(n + 1);
            }
            if (i.form() == Form.FOAM && restrictions.contains(Restriction.NO_FOAM)) {
                forbiddenFoam.add(n + 1);
            }
        }
        forbidden.forEach((agent, numbers) -> messages.add("AGENT_NOT_ALLOWED", Status.BLOCK,
                name(limits, agent) + " must not be used for this patient (screening restriction "
                        + Restriction.avoiding(agent) + "): " + injections(numbers)));
        if (!forbiddenFoam.isEmpty()) {
            messages.add("FOAM_NOT_ALLOWED", Status.BLOCK,
                    "Foam is not allowed for this patient (screening restriction " + Restriction.NO_FOAM + "): "
                            + injections(forbiddenFoam));
        }

        List<AgentTotal> totals = new ArrayList<>();
        for (String agent : mg.keySet()) {
            AgentLimit limit = limits.agents().get(agent);
            BigDecimal limitMg = limit == null || limit.mgPerKgPerDay() == null ? null
                    : limit.mgPerKgPerDay().multiply(weightKg);
            BigDecimal maxLiquid = limit == null ? null : limit.maxLiquidMlPerSession();
            Status dose = level(mg.get(agent), limitMg, limits.warnAtPercent());
            if (dose != Status.OK) {
                messages.add(agent + "_DAILY_DOSE", dose, name(limits, agent) + " " + round(mg.get(agent))
                        + " mg today is " + percent(mg.get(agent), limitMg) + " of the daily limit of "
                        + round(limitMg) + " mg (" + plain(limit.mgPerKgPerDay()) + " mg/kg at " + plain(weightKg)
                        + " kg)");
            }
            Status volume = level(liquid.get(agent), maxLiquid, limits.warnAtPercent());
            if (volume != Status.OK) {
                messages.addPart("LIQUID_VOLUME", volume, "Liquid volume this session: ",
                        name(limits, agent).toLowerCase(Locale.UK) + " " + round(liquid.get(agent)) + " mL of "
                                + round(maxLiquid) + " mL (" + percent(liquid.get(agent), maxLiquid) + ")");
            }
            totals.add(new AgentTotal(agent, round(mg.get(agent)), round(limitMg), round(liquid.get(agent)),
                    round(maxLiquid)));
        }
        Status foamLevel = level(foam, maxFoam, limits.warnAtPercent());
        if (foamLevel != Status.OK) {
            messages.add("FOAM_VOLUME", foamLevel, "Foam this session: " + round(foam) + " mL of the " + round(maxFoam)
                    + " mL limit" + (foamLimited ? " while foam is limited" : "") + " (" + percent(foam, maxFoam)
                    + ")");
        }
        for (int n = 0; n < session.size(); n++) {
            Injection i = session.get(n);
            if (i.veinType() == null) {
                continue;
            }
            BigDecimal usual = limits.maxConcentration().getOrDefault(i.veinType(), Map.of()).get(i.agent());
            if (usual != null && i.concentrationPercent().compareTo(usual) > 0) {
                messages.addPart("CONCENTRATION_ABOVE_TYPICAL", Status.WARN, "Stronger than usual for the vein type: ",
                        "injection " + (n + 1) + " (" + name(limits, i.agent()).toLowerCase(Locale.UK) + " "
                                + plain(i.concentrationPercent()) + "% for " + veinName(i.veinType())
                                + ", usually up to " + plain(usual) + "%)");
            }
        }
        List<Message> all = messages.list();
        Status status = all.stream().map(Message::level).max(Enum::compareTo).orElse(Status.OK);
        return new Result(status, totals, round(foam), round(maxFoam), all);
    }

    /** BLOCK above the limit, WARN from warnAtPercent of it up to and including it, OK below or without a limit. */
    public static Status level(BigDecimal value, BigDecimal limit, int warnAtPercent) {
        if (limit == null || value.signum() == 0) {
            return Status.OK;
        }
        if (value.compareTo(limit) > 0) {
            return Status.BLOCK;
        }
        if (value.multiply(HUNDRED).compareTo(limit.multiply(BigDecimal.valueOf(warnAtPercent))) >= 0) {
            return Status.WARN;
        }
        return Status.OK;
    }

    /** Half up to one decimal place, as every figure in the answer. */
    public static BigDecimal round(BigDecimal value) {
        return value == null ? null : value.setScale(1, RoundingMode.HALF_UP);
    }

    private static String percent(BigDecimal value, BigDecimal limit) {
        return value.multiply(HUNDRED).divide(limit, MC).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String name(Limits limits, String agent) {
        return limits.names().getOrDefault(agent, agent);
    }

    private static String veinName(VeinType type) {
        return type.name().toLowerCase(Locale.UK).replace('_', ' ');
    }

    private static String injections(List<Integer> numbers) {
        return (numbers.size() == 1 ? "injection " : "injections ")
                + String.join(", ", numbers.stream().map(String::valueOf).toList()) + ".";
    }

    /** Messages with each (code, level) once; parts of the same pair are joined into one sentence. */
    private static final class Messages {
        private final Map<String, Message> byKey = new LinkedHashMap<>();
        private final Map<String, List<String>> parts = new LinkedHashMap<>();
        private final Map<String, String> prefixes = new LinkedHashMap<>();

        void add(String code, Status level, String text) {
            byKey.putIfAbsent(code + "/" + level, new Message(code, level, text.endsWith(".") ? text : text + "."));
        }

        void addPart(String code, Status level, String prefix, String part) {
            String key = code + "/" + level;
            prefixes.putIfAbsent(key, prefix);
            parts.computeIfAbsent(key, k -> new ArrayList<>()).add(part);
            byKey.putIfAbsent(key, null);
        }

        List<Message> list() {
            List<Message> out = new ArrayList<>();
            byKey.forEach((key, message) -> {
                if (message != null) {
                    out.add(message);
                } else {
                    String[] codeLevel = key.split("/");
                    out.add(new Message(codeLevel[0], Status.valueOf(codeLevel[1]),
                            prefixes.get(key) + String.join("; ", parts.get(key)) + "."));
                }
            });
            return out;
        }
    }
}

package org.venula.protocol.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.ProtocolDocument.RuleSetting;
import org.venula.protocol.ProtocolDocument.SclerosantSetting;
import org.venula.protocol.ScreeningRule;
import org.venula.protocol.Source;
import org.venula.shared.FieldProblem;

/**
 * What makes a protocol document usable: every rule present with a level and a source, windows where a rule has
 * one, at least one stocked sclerosant with positive strengths, and every source it cites by id in its
 * {@code sources} list. Each problem names the field by its path.
 */
public final class ProtocolCheck {

    public static final int MAX_WINDOW_DAYS = 3650;

    private ProtocolCheck() {
    }

    public static List<FieldProblem> problems(ProtocolDocument doc) {
        List<FieldProblem> problems = new ArrayList<>();
        if (doc == null) {
            problems.add(new FieldProblem("document", "is required"));
            return problems;
        }
        text(problems, "id", doc.id(), 60);
        if (doc.id() != null && !doc.id().matches("[a-z0-9][a-z0-9-]*")) {
            problems.add(new FieldProblem("id", "may contain only lower-case letters, digits and hyphens"));
        }
        text(problems, "name", doc.name(), 120);
        if (doc.description() != null && doc.description().length() > 1000) {
            problems.add(new FieldProblem("description", "must be at most 1000 characters"));
        }
        if (doc.screening() == null) {
            problems.add(new FieldProblem("screening", "is required"));
        } else {
            screening(problems, doc.screening());
        }
        sclerosants(problems, doc.sclerosants());
        plan(problems, doc.plan(), doc.sclerosants());
        prices(problems, doc.prices());
        consent(problems, doc.consent());
        booking(problems, doc.booking());
        treatment(problems, doc.treatment(), doc.sclerosants());
        aftercare(problems, doc.aftercare());
        if (doc.audit() != null && doc.audit().references() != null) {
            doc.audit().references().forEach((type, r) -> {
                String path = "audit.references." + type;
                if (r == null) {
                    problems.add(new FieldProblem(path, "is required"));
                    return;
                }
                for (Double v : java.util.Arrays.asList(r.rate(), r.low(), r.high())) {
                    if (v != null && (v < 0 || v > 1)) {
                        problems.add(new FieldProblem(path, "rates are proportions from 0 to 1"));
                    }
                }
                text(problems, path + ".text", r.text(), 300);
                text(problems, path + ".source", r.source(), 500);
            });
        }
        sources(problems, doc);
        return problems;
    }

    /**
     * The works the document cites: each with an id and a title, ids unique; and every {@code [id]} in a source
     * text names one of them. A document stored before sources had ids has plain texts and cites none.
     */
    private static void sources(List<FieldProblem> problems, ProtocolDocument doc) {
        Set<String> ids = new HashSet<>();
        List<Source> sources = doc.sources() == null ? List.of() : doc.sources();
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            String path = "sources[" + i + "]";
            if (s == null) {
                problems.add(new FieldProblem(path, "is required"));
                continue;
            }
            if (s.id() == null || !Citations.SOURCE_ID.matcher(s.id()).matches() || s.id().length() > 60) {
                problems.add(new FieldProblem(path + ".id",
                        "is required: up to 60 lower-case letters, digits and hyphens"));
            } else if (!ids.add(s.id())) {
                problems.add(new FieldProblem(path + ".id", "appears twice"));
            }
            text(problems, path + ".title", s.title(), 300);
            optional(problems, path + ".section", s.section(), 200);
            optional(problems, path + ".publisher", s.publisher(), 200);
            optional(problems, path + ".url", s.url(), 500);
            if (s.url() != null && !s.url().isBlank() && !s.url().matches("https?://\\S+")) {
                problems.add(new FieldProblem(path + ".url", "must be a web address starting with http:// or https://"));
            }
        }
        Citations.fields(doc).forEach((path, text) -> {
            for (String id : Citations.ids(text)) {
                if (!ids.contains(id)) {
                    problems.add(new FieldProblem(path, "cites [" + id + "], which is not in the protocol's sources"));
                }
            }
        });
    }

    private static void optional(List<FieldProblem> problems, String path, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(path, "must be at most " + max + " characters"));
        }
    }

    private static void aftercare(List<FieldProblem> problems, ProtocolDocument.AftercareSettings a) {
        if (a == null) {
            problems.add(new FieldProblem("aftercare", "is required"));
            return;
        }
        Set<String> codes = new HashSet<>();
        if (a.instructions() == null || a.instructions().isEmpty()) {
            problems.add(new FieldProblem("aftercare.instructions", "must list at least one instruction"));
        } else {
            for (int i = 0; i < a.instructions().size(); i++) {
                ProtocolDocument.AftercareInstruction in = a.instructions().get(i);
                String path = "aftercare.instructions[" + i + "]";
                if (in == null) {
                    problems.add(new FieldProblem(path, "is required"));
                    continue;
                }
                if (in.code() == null || !in.code().matches("[A-Z][A-Z0-9_]*")) {
                    problems.add(new FieldProblem(path + ".code", "is required: upper case letters, digits and _"));
                } else if (!codes.add(in.code())) {
                    problems.add(new FieldProblem(path + ".code", "appears twice"));
                }
                if (in.after() != null && !codes.contains(in.after())) {
                    problems.add(new FieldProblem(path + ".after", "must name an instruction listed before this one"));
                }
                boolean any = in.days() != null || in.daysByVeinType() != null && !in.daysByVeinType().isEmpty();
                if (!any) {
                    problems.add(new FieldProblem(path + ".days", "is required (or daysByVeinType)"));
                }
                for (Integer d : java.util.Arrays.asList(in.days(), in.daysIfProlongedStanding(), in.daysIfFoam())) {
                    if (d != null && (d < 0 || d > 3650)) {
                        problems.add(new FieldProblem(path + ".days", "must be between 0 and 3650"));
                    }
                }
                if (in.daysByVeinType() != null) {
                    in.daysByVeinType().forEach((type, d) -> {
                        if (!VEIN_TYPES.contains(type)) {
                            problems.add(new FieldProblem(path + ".daysByVeinType." + type, "is not a vein type"));
                        } else if (d == null || d < 0 || d > 3650) {
                            problems.add(new FieldProblem(path + ".daysByVeinType." + type, "must be between 0 and 3650"));
                        }
                    });
                }
                text(problems, path + ".text", in.text(), 1000);
                text(problems, path + ".source", in.source(), 500);
            }
        }
        window(problems, "aftercare.review", a.review());
        window(problems, "aftercare.resultPhotosTelangiectasiaOnly", a.resultPhotosTelangiectasiaOnly());
        window(problems, "aftercare.resultPhotosOtherwise", a.resultPhotosOtherwise());
        ProtocolDocument.TriageSettings t = a.triage();
        if (t == null) {
            problems.add(new FieldProblem("aftercare.triage", "is required"));
            return;
        }
        for (org.venula.protocol.Symptom symptom : org.venula.protocol.Symptom.values()) {
            String path = "aftercare.triage.levels." + symptom;
            org.venula.protocol.TriageLevel level = triageLevel(t.levels() == null ? null : t.levels().get(symptom.name()));
            if (level == null) {
                problems.add(new FieldProblem(path, "is required: EMERGENCY, URGENT, CONTACT_CLINIC or EXPECTED"));
            } else if (symptom.floor().moreUrgentThan(level)) {
                problems.add(new FieldProblem(path, "must be at least " + symptom.floor()
                        + ": this can be a sign of a clot or another emergency"));
            }
            if (t.symptomText() == null || t.symptomText().get(symptom.name()) == null
                    || t.symptomText().get(symptom.name()).isBlank()) {
                problems.add(new FieldProblem("aftercare.triage.symptomText." + symptom, "is required"));
            }
        }
        for (org.venula.protocol.TriageLevel level : org.venula.protocol.TriageLevel.values()) {
            text(problems, "aftercare.triage.advice." + level, t.advice() == null ? null : t.advice().get(level.name()),
                    1000);
        }
        if (t.escalations() != null) {
            t.escalations().forEach((symptom, e) -> {
                String path = "aftercare.triage.escalations." + symptom;
                if (java.util.Arrays.stream(org.venula.protocol.Symptom.values()).noneMatch(x -> x.name().equals(symptom))) {
                    problems.add(new FieldProblem(path, "is not a symptom"));
                } else if (e == null || e.afterDays() == null || e.afterDays() < 0 || triageLevel(e.level()) == null) {
                    problems.add(new FieldProblem(path, "needs afterDays (0 or more) and a level"));
                }
            });
        }
        text(problems, "aftercare.triage.source", t.source(), 1000);
    }

    private static org.venula.protocol.TriageLevel triageLevel(String value) {
        try {
            return value == null ? null : org.venula.protocol.TriageLevel.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void window(List<FieldProblem> problems, String path, ProtocolDocument.Window w) {
        if (w == null) {
            problems.add(new FieldProblem(path, "is required"));
            return;
        }
        boolean days = w.fromDays() != null && w.toDays() != null;
        boolean months = w.fromMonths() != null && w.toMonths() != null;
        if (!days && !months) {
            problems.add(new FieldProblem(path, "needs fromDays and toDays, or fromMonths and toMonths"));
        } else if (days && (w.fromDays() < 0 || w.toDays() < w.fromDays())) {
            problems.add(new FieldProblem(path + ".toDays", "must not be before fromDays (both 0 or more)"));
        } else if (!days && (w.fromMonths() < 0 || w.toMonths() < w.fromMonths())) {
            problems.add(new FieldProblem(path + ".toMonths", "must not be before fromMonths (both 0 or more)"));
        }
        text(problems, path + ".source", w.source(), 500);
    }

    private static final java.util.Set<String> VEIN_TYPES = java.util.Set.of("TELANGIECTASIA", "RETICULAR",
            "VARICOSE_TRIBUTARY");

    private static void treatment(List<FieldProblem> problems, ProtocolDocument.TreatmentSettings t,
            List<SclerosantSetting> stocked) {
        if (t == null) {
            problems.add(new FieldProblem("treatment", "is required"));
            return;
        }
        Set<String> codes = new HashSet<>();
        if (t.checklist() != null) {
            for (int i = 0; i < t.checklist().size(); i++) {
                ProtocolDocument.ChecklistItem c = t.checklist().get(i);
                String path = "treatment.checklist[" + i + "]";
                if (c == null) {
                    problems.add(new FieldProblem(path, "is required"));
                    continue;
                }
                text(problems, path + ".code", c.code(), 60);
                if (c.code() != null && !c.code().matches("[A-Z][A-Z0-9_]*")) {
                    problems.add(new FieldProblem(path + ".code", "must be upper case letters, digits and _"));
                } else if (c.code() != null && !codes.add(c.code())) {
                    problems.add(new FieldProblem(path + ".code", "appears twice"));
                }
                text(problems, path + ".text", c.text(), 300);
                text(problems, path + ".source", c.source(), 500);
            }
        }
        whole(problems, "treatment.weightValidityDays", t.weightValidityDays(), 1, 3650);
        Set<String> agents = new HashSet<>();
        if (stocked != null) {
            stocked.stream().filter(s -> s != null && s.agent() != null).forEach(s -> agents.add(s.agent()));
        }
        Map<String, ProtocolDocument.AgentLimit> limits = t.agentLimits() == null ? Map.of() : t.agentLimits();
        for (String agent : agents) {
            if (!limits.containsKey(agent)) {
                problems.add(new FieldProblem("treatment.agentLimits." + agent,
                        "is required: every stocked sclerosant needs its limits"));
            }
        }
        limits.forEach((agent, limit) -> {
            String path = "treatment.agentLimits." + agent;
            if (!agents.contains(agent)) {
                problems.add(new FieldProblem(path, "must be one of the stocked sclerosants"));
                return;
            }
            if (limit == null) {
                problems.add(new FieldProblem(path, "is required"));
                return;
            }
            if (limit.mgPerKgPerDay() != null && (limit.mgPerKgPerDay().signum() <= 0
                    || limit.mgPerKgPerDay().compareTo(BigDecimal.valueOf(100)) > 0)) {
                problems.add(new FieldProblem(path + ".mgPerKgPerDay", "must be above 0 and at most 100, or left out"));
            }
            positive(problems, path + ".maxLiquidMlPerSession", limit.maxLiquidMlPerSession(), 100);
            text(problems, path + ".source", limit.source(), 500);
        });
        if (t.maxConcentrationPercent() != null) {
            t.maxConcentrationPercent().forEach((veinType, byAgent) -> {
                String path = "treatment.maxConcentrationPercent." + veinType;
                if (!VEIN_TYPES.contains(veinType)) {
                    problems.add(new FieldProblem(path, "must be TELANGIECTASIA, RETICULAR or VARICOSE_TRIBUTARY"));
                    return;
                }
                if (byAgent != null) {
                    byAgent.forEach((agent, max) -> {
                        if (!agents.contains(agent)) {
                            problems.add(new FieldProblem(path + "." + agent, "must be one of the stocked sclerosants"));
                        } else {
                            positive(problems, path + "." + agent, max, 3);
                        }
                    });
                }
            });
            text(problems, "treatment.maxConcentrationSource", t.maxConcentrationSource(), 500);
        }
        BigDecimal foam = decimal(problems, "treatment.maxFoamMlPerSession", t.maxFoamMlPerSession(), 100);
        BigDecimal limited = decimal(problems, "treatment.maxFoamMlLimited", t.maxFoamMlLimited(), 100);
        if (foam != null && limited != null && limited.compareTo(foam) > 0) {
            problems.add(new FieldProblem("treatment.maxFoamMlLimited.value", "must not be above maxFoamMlPerSession"));
        }
        whole(problems, "treatment.warnAtPercent", t.warnAtPercent(), 1, 100);
        whole(problems, "treatment.foamLiquidParts", t.foamLiquidParts(), 1, 10);
        whole(problems, "treatment.foamGasParts", t.foamGasParts(), 1, 10);
    }

    private static void positive(List<FieldProblem> problems, String path, BigDecimal value, int max) {
        if (value == null || value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            problems.add(new FieldProblem(path, "must be above 0 and at most " + max));
        }
    }

    private static BigDecimal decimal(List<FieldProblem> problems, String path, ProtocolDocument.DecimalSetting s,
            int max) {
        if (s == null) {
            problems.add(new FieldProblem(path + ".value", "is required"));
            return null;
        }
        positive(problems, path + ".value", s.value(), max);
        text(problems, path + ".source", s.source(), 500);
        return s.value();
    }

    private static void booking(List<FieldProblem> problems, ProtocolDocument.BookingSettings b) {
        if (b == null) {
            problems.add(new FieldProblem("booking", "is required"));
            return;
        }
        whole(problems, "booking.slotMinutes", b.slotMinutes(), 5, 120);
        whole(problems, "booking.consultationMinutes", b.consultationMinutes(), 5, 480);
        whole(problems, "booking.treatmentMinutes", b.treatmentMinutes(), 5, 480);
        whole(problems, "booking.reviewMinutes", b.reviewMinutes(), 5, 480);
        whole(problems, "booking.reminderHours", b.reminderHours(), 1, 24 * 60);
        whole(problems, "booking.maintenanceRecallMonths", b.maintenanceRecallMonths(), 1, 60);
        whole(problems, "booking.incompleteClearanceRecallMonths", b.incompleteClearanceRecallMonths(), 1, 60);
        whole(problems, "booking.completeClearancePercent", b.completeClearancePercent(), 0, 100);
        if (b.treatmentPreparation() != null) {
            for (int i = 0; i < b.treatmentPreparation().size(); i++) {
                ProtocolDocument.TextSetting t = b.treatmentPreparation().get(i);
                text(problems, "booking.treatmentPreparation[" + i + "].text", t == null ? null : t.text(), 500);
            }
        }
        Integer from = whole(problems, "booking.reviewFromDays", b.reviewFromDays(), 1, 365);
        Integer to = whole(problems, "booking.reviewToDays", b.reviewToDays(), 1, 365);
        if (from != null && to != null && to < from) {
            problems.add(new FieldProblem("booking.reviewToDays.value", "must not be before reviewFromDays"));
        }
        if (b.seeAndTreat() == null || b.seeAndTreat().value() == null) {
            problems.add(new FieldProblem("booking.seeAndTreat.value", "is required"));
        } else {
            text(problems, "booking.seeAndTreat.source", b.seeAndTreat().source(), 500);
        }
    }

    private static void plan(List<FieldProblem> problems, ProtocolDocument.PlanSettings p,
            List<SclerosantSetting> stocked) {
        if (p == null) {
            problems.add(new FieldProblem("plan", "is required"));
            return;
        }
        Integer min = whole(problems, "plan.sessionsMin", p.sessionsMin(), 1, 20);
        Integer max = whole(problems, "plan.sessionsMax", p.sessionsMax(), 1, 20);
        if (min != null && max != null && min > max) {
            problems.add(new FieldProblem("plan.sessionsMax.value", "must not be below sessionsMin"));
        }
        Integer intervalMin = whole(problems, "plan.intervalMinDays", p.intervalMinDays(), 1, 365);
        Integer typical = whole(problems, "plan.intervalTypicalDays", p.intervalTypicalDays(), 1, 365);
        if (intervalMin != null && typical != null && typical < intervalMin) {
            problems.add(new FieldProblem("plan.intervalTypicalDays.value", "must not be below intervalMinDays"));
        }
        Set<String> agents = new HashSet<>();
        if (stocked != null) {
            stocked.stream().filter(s -> s != null && s.agent() != null).forEach(s -> agents.add(s.agent()));
        }
        if (p.agentByVeinType() == null || p.agentByVeinType().isEmpty()) {
            problems.add(new FieldProblem("plan.agentByVeinType", "is required"));
        } else {
            p.agentByVeinType().forEach((veinType, choices) -> {
                String path = "plan.agentByVeinType." + veinType;
                if (choices == null || choices.isEmpty()) {
                    problems.add(new FieldProblem(path, "must list at least one choice"));
                    return;
                }
                for (int i = 0; i < choices.size(); i++) {
                    ProtocolDocument.AgentChoice c = choices.get(i);
                    String cp = path + "[" + i + "]";
                    if (c == null || c.agent() == null || !agents.contains(c.agent())) {
                        problems.add(new FieldProblem(cp + ".agent", "must be one of the stocked sclerosants"));
                        continue;
                    }
                    if (c.concentrationPercent() == null || c.concentrationPercent().signum() <= 0
                            || c.concentrationPercent().compareTo(BigDecimal.valueOf(3)) > 0) {
                        problems.add(new FieldProblem(cp + ".concentrationPercent", "must be above 0 and at most 3"));
                    }
                    if (!"LIQUID".equals(c.form()) && !"FOAM".equals(c.form())) {
                        problems.add(new FieldProblem(cp + ".form", "must be LIQUID or FOAM"));
                    }
                    text(problems, cp + ".source", c.source(), 500);
                }
            });
        }
        if (p.expectedResults() == null) {
            problems.add(new FieldProblem("plan.expectedResults", "is required"));
        } else {
            text(problems, "plan.expectedResults.text", p.expectedResults().text(), 1000);
            text(problems, "plan.expectedResults.source", p.expectedResults().source(), 500);
        }
    }

    private static void prices(List<FieldProblem> problems, ProtocolDocument.PriceSettings p) {
        if (p == null) {
            problems.add(new FieldProblem("prices", "is required"));
            return;
        }
        if (p.currency() == null || !p.currency().matches("[A-Z]{3}")) {
            problems.add(new FieldProblem("prices.currency", "must be an ISO 4217 code such as GBP"));
        } else {
            try {
                java.util.Currency.getInstance(p.currency());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("prices.currency", "is not a known currency"));
            }
        }
        money(problems, "prices.consultationFee", p.consultationFee());
        money(problems, "prices.sessionPriceSmall", p.sessionPriceSmall());
        money(problems, "prices.sessionPriceMedium", p.sessionPriceMedium());
        money(problems, "prices.sessionPriceLarge", p.sessionPriceLarge());
        money(problems, "prices.hosieryPrice", p.hosieryPrice());
        if (p.consultationFeeRedeemable() == null) {
            problems.add(new FieldProblem("prices.consultationFeeRedeemable", "is required"));
        }
        if (p.smallBandMaxHands() == null || p.smallBandMaxHands() < 1) {
            problems.add(new FieldProblem("prices.smallBandMaxHands", "must be 1 or more"));
        }
        if (p.mediumBandMaxHands() == null || p.smallBandMaxHands() != null
                && p.mediumBandMaxHands() < p.smallBandMaxHands()) {
            problems.add(new FieldProblem("prices.mediumBandMaxHands", "must not be below smallBandMaxHands"));
        }
        if (p.hosieryPairs() == null || p.hosieryPairs() < 0 || p.hosieryPairs() > 10) {
            problems.add(new FieldProblem("prices.hosieryPairs", "must be between 0 and 10"));
        }
        if (p.quoteValidityDays() == null || p.quoteValidityDays() < 1 || p.quoteValidityDays() > 365) {
            problems.add(new FieldProblem("prices.quoteValidityDays", "must be between 1 and 365"));
        }
        text(problems, "prices.source", p.source(), 500);
    }

    private static void consent(List<FieldProblem> problems, ProtocolDocument.ConsentSettings c) {
        if (c == null) {
            problems.add(new FieldProblem("consent", "is required"));
            return;
        }
        text(problems, "consent.textVersion", c.textVersion(), 60);
        text(problems, "consent.alternatives", c.alternatives(), 2000);
        text(problems, "consent.aftercare", c.aftercare(), 2000);
        text(problems, "consent.source", c.source(), 500);
        if (c.risks() == null || c.risks().isEmpty()) {
            problems.add(new FieldProblem("consent.risks", "must list at least one risk"));
            return;
        }
        for (int i = 0; i < c.risks().size(); i++) {
            ProtocolDocument.Risk r = c.risks().get(i);
            String path = "consent.risks[" + i + "]";
            if (r == null) {
                problems.add(new FieldProblem(path, "is required"));
                continue;
            }
            text(problems, path + ".code", r.code(), 60);
            text(problems, path + ".text", r.text(), 1000);
            text(problems, path + ".frequency", r.frequency(), 200);
            text(problems, path + ".source", r.source(), 500);
        }
    }

    private static Integer whole(List<FieldProblem> problems, String path, ProtocolDocument.IntSetting s, int min,
            int max) {
        if (s == null || s.value() == null) {
            problems.add(new FieldProblem(path + ".value", "is required"));
            return null;
        }
        if (s.value() < min || s.value() > max) {
            problems.add(new FieldProblem(path + ".value", "must be between " + min + " and " + max));
        }
        text(problems, path + ".source", s.source(), 500);
        return s.value();
    }

    private static void money(List<FieldProblem> problems, String path, BigDecimal amount) {
        if (amount == null || amount.signum() < 0 || amount.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            problems.add(new FieldProblem(path, "must be an amount from 0 to 1,000,000"));
        }
    }

    private static void screening(List<FieldProblem> problems, ProtocolDocument.ScreeningSettings s) {
        if (s.duplexRequired() == null || s.duplexRequired().value() == null) {
            problems.add(new FieldProblem("screening.duplexRequired.value", "is required"));
        } else {
            text(problems, "screening.duplexRequired.source", s.duplexRequired().source(), 500);
        }
        if (s.clearanceValidityDays() == null || s.clearanceValidityDays().value() == null) {
            problems.add(new FieldProblem("screening.clearanceValidityDays.value", "is required"));
        } else {
            int days = s.clearanceValidityDays().value();
            if (days < 1 || days > 730) {
                problems.add(new FieldProblem("screening.clearanceValidityDays.value", "must be between 1 and 730"));
            }
            text(problems, "screening.clearanceValidityDays.source", s.clearanceValidityDays().source(), 500);
        }
        if (s.rules() == null) {
            problems.add(new FieldProblem("screening.rules", "is required"));
            return;
        }
        for (ScreeningRule rule : ScreeningRule.values()) {
            String path = "screening.rules." + rule.name();
            RuleSetting r = s.rules().get(rule);
            if (r == null) {
                problems.add(new FieldProblem(path, "is required"));
                continue;
            }
            if (r.level() == null) {
                problems.add(new FieldProblem(path + ".level", "is required"));
            }
            if (rule.windowed()) {
                if (r.windowDays() == null) {
                    problems.add(new FieldProblem(path + ".windowDays", "is required"));
                } else if (r.windowDays() < 1 || r.windowDays() > MAX_WINDOW_DAYS) {
                    problems.add(new FieldProblem(path + ".windowDays", "must be between 1 and " + MAX_WINDOW_DAYS));
                }
            } else if (r.windowDays() != null) {
                problems.add(new FieldProblem(path + ".windowDays", "does not apply to this rule"));
            }
            text(problems, path + ".source", r.source(), 500);
            text(problems, path + ".clinicianText", r.clinicianText(), 1000);
            text(problems, path + ".patientText", r.patientText(), 1000);
        }
    }

    private static void sclerosants(List<FieldProblem> problems, List<SclerosantSetting> sclerosants) {
        if (sclerosants == null || sclerosants.isEmpty()) {
            problems.add(new FieldProblem("sclerosants", "must list at least one sclerosant"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < sclerosants.size(); i++) {
            SclerosantSetting s = sclerosants.get(i);
            String path = "sclerosants[" + i + "]";
            if (s == null) {
                problems.add(new FieldProblem(path, "is required"));
                continue;
            }
            if (s.agent() == null || !s.agent().matches("[A-Z][A-Z0-9_]*")) {
                problems.add(new FieldProblem(path + ".agent", "must be an upper-case code such as POLIDOCANOL"));
            } else if (!seen.add(s.agent())) {
                problems.add(new FieldProblem(path + ".agent", "is listed twice"));
            }
            text(problems, path + ".name", s.name(), 120);
            if (s.containsEthanol() == null) {
                problems.add(new FieldProblem(path + ".containsEthanol", "is required"));
            }
            if (s.strengths() == null || s.strengths().isEmpty()) {
                problems.add(new FieldProblem(path + ".strengths", "must list at least one strength"));
            } else {
                for (int j = 0; j < s.strengths().size(); j++) {
                    BigDecimal v = s.strengths().get(j);
                    if (v == null || v.signum() <= 0 || v.compareTo(BigDecimal.valueOf(100)) > 0) {
                        problems.add(new FieldProblem(path + ".strengths[" + j + "]", "must be a percentage above 0"));
                    }
                }
            }
            text(problems, path + ".source", s.source(), 500);
        }
    }

    private static void text(List<FieldProblem> problems, String path, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(path, "is required"));
        } else if (value.length() > max) {
            problems.add(new FieldProblem(path, "must be at most " + max + " characters"));
        }
    }
}

package org.venula.screening.rules;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.venula.patient.DuplexResult;
import org.venula.patient.MedicalHistory;
import org.venula.patient.Medication;
import org.venula.patient.Sclerosant;
import org.venula.protocol.DuplexPolicy;
import org.venula.protocol.Level;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.ProtocolDocument.RuleSetting;
import org.venula.protocol.ProtocolDocument.SclerosantSetting;
import org.venula.protocol.Restriction;
import org.venula.protocol.ScreeningRule;
import org.venula.shared.FieldProblem;

/**
 * Screens a medical history against a protocol. Every rule that applies is reported, with the levels, windows,
 * sources and texts the protocol gives; the outcome is the most severe level. A window of N days after a date D
 * defers treatment while the treatment date is before D + N, and D + N is the finding's {@code until}.
 * The caller passes the treatment date ({@code asOf}); nothing here reads the clock.
 */
public final class ScreeningEngine {

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private static final Map<String, Function<MedicalHistory, Boolean>> YES_NO = new LinkedHashMap<>();

    static {
        YES_NO.put("pregnant", MedicalHistory::pregnant);
        YES_NO.put("breastfeeding", MedicalHistory::breastfeeding);
        YES_NO.put("currentInfection", MedicalHistory::currentInfection);
        YES_NO.put("visibleVaricoseVeins", MedicalHistory::visibleVaricoseVeins);
        YES_NO.put("acuteDvtOrPe", MedicalHistory::acuteDvtOrPe);
        YES_NO.put("previousDvtOrPe", MedicalHistory::previousDvtOrPe);
        YES_NO.put("thrombophilia", MedicalHistory::thrombophilia);
        YES_NO.put("activeCancer", MedicalHistory::activeCancer);
        YES_NO.put("venousSkinChanges", MedicalHistory::venousSkinChanges);
        YES_NO.put("ableToWalk", MedicalHistory::ableToWalk);
        YES_NO.put("migraineWithAura", MedicalHistory::migraineWithAura);
        YES_NO.put("knownRightToLeftShunt", MedicalHistory::knownRightToLeftShunt);
        YES_NO.put("peripheralArterialDisease", MedicalHistory::peripheralArterialDisease);
        YES_NO.put("poorlyControlledDiabetes", MedicalHistory::poorlyControlledDiabetes);
    }

    private ScreeningEngine() {
    }

    /**
     * What stops a history from being screened: an unanswered yes/no question (never read as "no"), a date of a
     * past event after the treatment date, or a skin type outside 1–6. Fields are named {@code prefix + field}.
     */
    public static List<FieldProblem> problems(MedicalHistory h, LocalDate asOf, String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        YES_NO.forEach((field, answer) -> {
            if (answer.apply(h) == null) {
                problems.add(new FieldProblem(prefix + field, "must be answered (true or false)"));
            }
        });
        notAfter(problems, prefix + "lastAntibioticsOn", h.lastAntibioticsOn(), asOf);
        notAfter(problems, prefix + "lastThrombophlebitisOn", h.lastThrombophlebitisOn(), asOf);
        notAfter(problems, prefix + "lastHeartProblemOn", h.lastHeartProblemOn(), asOf);
        notAfter(problems, prefix + "lastLegSurgeryOn", h.lastLegSurgeryOn(), asOf);
        if (h.fitzpatrickSkinType() != null && (h.fitzpatrickSkinType() < 1 || h.fitzpatrickSkinType() > 6)) {
            problems.add(new FieldProblem(prefix + "fitzpatrickSkinType", "must be between 1 and 6"));
        }
        return problems;
    }

    /** Screens a history that {@link #problems} accepts. */
    public static ScreeningResult evaluate(LocalDate asOf, Area area, MedicalHistory h, ProtocolDocument protocol) {
        if (!problems(h, asOf, "").isEmpty()) {
            throw new IllegalArgumentException("The history is incomplete: " + problems(h, asOf, ""));
        }
        Evaluation e = new Evaluation(asOf, h, protocol);
        e.flag(ScreeningRule.AREA_ABOVE_HEART, area.aboveHeart());
        e.flag(ScreeningRule.ACUTE_DVT_OR_PE, h.acuteDvtOrPe());
        e.flag(ScreeningRule.UNABLE_TO_WALK, !h.ableToWalk());
        e.allergies();
        e.flag(ScreeningRule.VISIBLE_VARICOSE_VEINS, h.visibleVaricoseVeins());
        e.flag(ScreeningRule.SUPERFICIAL_REFLUX, h.duplex() == DuplexResult.SUPERFICIAL_REFLUX);
        e.flag(ScreeningRule.DEEP_REFLUX, h.duplex() == DuplexResult.DEEP_REFLUX);
        DuplexPolicy policy = protocol.screening().duplexRequired().value();
        e.flag(ScreeningRule.DUPLEX_REQUIRED, h.duplex() == DuplexResult.NOT_DONE
                && (policy == DuplexPolicy.ALWAYS
                || policy == DuplexPolicy.IF_VARICOSE_VEINS_SUSPECTED && h.visibleVaricoseVeins()));
        e.flag(ScreeningRule.VENOUS_SKIN_CHANGES, h.venousSkinChanges());
        e.flag(ScreeningRule.ARTERIAL_DISEASE, h.peripheralArterialDisease());
        e.flag(ScreeningRule.PREGNANCY, h.pregnant());
        e.flag(ScreeningRule.BREASTFEEDING, h.breastfeeding());
        e.flag(ScreeningRule.ACTIVE_INFECTION, h.currentInfection());
        e.windowAfter(ScreeningRule.RECENT_ANTIBIOTICS, h.lastAntibioticsOn());
        e.windowAfter(ScreeningRule.RECENT_THROMBOPHLEBITIS, h.lastThrombophlebitisOn());
        e.windowAfter(ScreeningRule.RECENT_HEART_PROBLEM, h.lastHeartProblemOn());
        e.windowAfter(ScreeningRule.RECENT_LEG_SURGERY, h.lastLegSurgeryOn());
        e.flag(ScreeningRule.PREVIOUS_DVT_OR_PE, h.previousDvtOrPe());
        e.flag(ScreeningRule.THROMBOPHILIA_OR_CANCER, h.thrombophilia() || h.activeCancer());
        e.flag(ScreeningRule.TAMOXIFEN, h.medications().contains(Medication.TAMOXIFEN));
        if (e.flag(ScreeningRule.DISULFIRAM, h.medications().contains(Medication.DISULFIRAM))) {
            protocol.sclerosants().stream().filter(s -> Boolean.TRUE.equals(s.containsEthanol()))
                    .map(s -> Restriction.avoiding(s.agent())).filter(r -> r != null).forEach(e.restrictions::add);
        }
        e.flag(ScreeningRule.ANTICOAGULANT, h.medications().contains(Medication.ANTICOAGULANT));
        e.flag(ScreeningRule.MIGRAINE_WITH_AURA, h.migraineWithAura());
        e.flag(ScreeningRule.RIGHT_TO_LEFT_SHUNT, h.knownRightToLeftShunt());
        e.flag(ScreeningRule.POORLY_CONTROLLED_DIABETES, h.poorlyControlledDiabetes());
        e.flightSoon(h.plannedLongHaulFlightOn());
        e.flag(ScreeningRule.PIGMENTATION_RISK, h.fitzpatrickSkinType() != null && h.fitzpatrickSkinType() >= 4);
        e.flag(ScreeningRule.NO_SUITABLE_AGENT, !protocol.stockedAgents().isEmpty() && protocol.stockedAgents().stream()
                .allMatch(agent -> e.restrictions.contains(Restriction.avoiding(agent))));
        return e.result();
    }

    private static void notAfter(List<FieldProblem> problems, String field, LocalDate date, LocalDate asOf) {
        if (date != null && date.isAfter(asOf)) {
            problems.add(new FieldProblem(field, "must not be after the treatment date (asOf)"));
        }
    }

    /** The state of one evaluation: findings so far and the restrictions they carry. */
    private static final class Evaluation {

        private final LocalDate asOf;
        private final MedicalHistory history;
        private final ProtocolDocument protocol;
        private final List<Finding> findings = new ArrayList<>();
        private final Set<Restriction> restrictions = EnumSet.noneOf(Restriction.class);

        Evaluation(LocalDate asOf, MedicalHistory history, ProtocolDocument protocol) {
            this.asOf = asOf;
            this.history = history;
            this.protocol = protocol;
        }

        /** Adds the rule's finding when {@code applies}; returns whether it did. */
        boolean flag(ScreeningRule rule, boolean applies) {
            return applies && add(rule, null);
        }

        void windowAfter(ScreeningRule rule, LocalDate happenedOn) {
            RuleSetting s = protocol.rule(rule);
            if (happenedOn == null || !s.isEnabled()) {
                return;
            }
            LocalDate until = happenedOn.plusDays(s.windowDays());
            if (asOf.isBefore(until)) {
                add(rule, until);
            }
        }

        void flightSoon(LocalDate flightOn) {
            RuleSetting s = protocol.rule(ScreeningRule.LONG_HAUL_FLIGHT_SOON);
            flag(ScreeningRule.LONG_HAUL_FLIGHT_SOON, flightOn != null && s.isEnabled()
                    && !flightOn.isBefore(asOf) && flightOn.isBefore(asOf.plusDays(s.windowDays())));
        }

        void allergies() {
            if (history.sclerosantAllergies().isEmpty()) {
                return;
            }
            if (add(ScreeningRule.SCLEROSANT_ALLERGY, null)) {
                for (Sclerosant agent : history.sclerosantAllergies()) {
                    Restriction r = Restriction.avoiding(agent.name());
                    if (r != null) {
                        restrictions.add(r);
                    }
                }
            }
        }

        private boolean add(ScreeningRule rule, LocalDate until) {
            RuleSetting s = protocol.rule(rule);
            if (!s.isEnabled()) {
                return false;
            }
            findings.add(new Finding(rule, s.level(), until, fill(s.clinicianText(), s, until),
                    fill(s.patientText(), s, until), protocol.cite(s.source())));
            restrictions.addAll(s.restrictionsOrNone());
            return true;
        }

        private String fill(String text, RuleSetting s, LocalDate until) {
            String out = text;
            if (until != null) {
                out = out.replace("{until}", until.format(UK_DATE));
            }
            if (s.windowDays() != null) {
                out = out.replace("{windowDays}", s.windowDays().toString());
            }
            return out.replace("{agents}", agentNames());
        }

        private String agentNames() {
            List<String> names = new ArrayList<>();
            for (Sclerosant agent : history.sclerosantAllergies()) {
                names.add(protocol.sclerosants().stream().filter(s -> s.agent().equals(agent.name()))
                        .map(SclerosantSetting::name).findFirst()
                        .orElse(agent.name().replace('_', ' ').toLowerCase(Locale.ROOT)).toLowerCase(Locale.ROOT));
            }
            return String.join(" and ", names);
        }

        ScreeningResult result() {
            findings.sort(Comparator.comparing(Finding::code));
            Level worst = findings.stream().map(Finding::level).max(Comparator.naturalOrder()).orElse(null);
            Outcome outcome = Outcome.of(worst);
            LocalDate earliest = switch (outcome) {
                case ELIGIBLE, CAUTION -> asOf;
                case DEFER -> findings.stream().filter(f -> f.level() == Level.DEFER)
                        .allMatch(f -> f.until() != null)
                        ? findings.stream().filter(f -> f.level() == Level.DEFER).map(Finding::until)
                                .max(Comparator.naturalOrder()).orElse(null)
                        : null;
                case REFER, NOT_SUITABLE -> null;
            };
            // Restriction constants are declared in alphabetical order, so the EnumSet is already sorted.
            return new ScreeningResult(outcome, earliest, List.copyOf(findings), List.copyOf(restrictions));
        }
    }
}

package org.venula.protocol;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A protocol as a clinic reads and edits it. Later capabilities add their sections beside {@code screening}.
 * Every clinical value carries a {@code source}: a seed file name or a guideline/label.
 */
public record ProtocolDocument(String id, String name, String description, Integer version,
        ScreeningSettings screening, List<SclerosantSetting> sclerosants, PlanSettings plan, PriceSettings prices,
        ConsentSettings consent, BookingSettings booking, TreatmentSettings treatment) {

    public ProtocolDocument withVersion(Integer newVersion) {
        return new ProtocolDocument(id, name, description, newVersion, screening, sclerosants, plan, prices, consent, booking, treatment);
    }

    public ProtocolDocument withScreening(ScreeningSettings newScreening) {
        return new ProtocolDocument(id, name, description, version, newScreening, sclerosants, plan, prices, consent, booking, treatment);
    }

    public ProtocolDocument withSclerosants(List<SclerosantSetting> newSclerosants) {
        return new ProtocolDocument(id, name, description, version, screening, newSclerosants, plan, prices, consent, booking, treatment);
    }

    public ProtocolDocument withId(String newId) {
        return new ProtocolDocument(newId, name, description, version, screening, sclerosants, plan, prices, consent, booking, treatment);
    }

    /**
     * How a course is planned: sessions (2 to 4 in {@code standard}), the interval between them, the sclerosant
     * intended per vein type (first choice that the patient's restrictions allow), expected results and advice.
     */
    public record PlanSettings(IntSetting sessionsMin, IntSetting sessionsMax, IntSetting intervalMinDays,
            IntSetting intervalTypicalDays, Map<String, List<AgentChoice>> agentByVeinType, TextSetting expectedResults,
            List<TextSetting> advice) {
    }

    /** One choice of sclerosant for a vein type. {@code form} is LIQUID or FOAM. */
    public record AgentChoice(String agent, BigDecimal concentrationPercent, String form, String source) {
    }

    /**
     * Booking: appointment lengths, the slot grid, whether a treatment may follow the consultation the same day
     * (see and treat), the review window after a treatment, and the maintenance recall after the last session of a
     * course. The minimum days between treatments is {@code plan.intervalMinDays}.
     */
    public record BookingSettings(IntSetting consultationMinutes, IntSetting treatmentMinutes,
            IntSetting reviewMinutes, IntSetting slotMinutes, FlagSetting seeAndTreat, IntSetting reviewFromDays,
            IntSetting reviewToDays, IntSetting reminderHours, List<TextSetting> treatmentPreparation,
            IntSetting maintenanceRecallMonths) {
    }

    /**
     * Charting a session: the checklist before the first injection, how recent the weight must be, and the dose
     * limits. {@code agentLimits} per stocked agent: milligrams per kg body weight per day (null: no such limit) and
     * millilitres of liquid per session. {@code maxConcentrationPercent}: the usual highest strength per vein type and
     * agent; above it the check warns. Foam: the most per session, the lower figure while a screening restriction
     * limits foam, and the default liquid+gas parts. A value from {@code warnAtPercent} of a limit up to the limit
     * warns; above the limit blocks.
     */
    public record TreatmentSettings(List<ChecklistItem> checklist, IntSetting weightValidityDays,
            Map<String, AgentLimit> agentLimits, Map<String, Map<String, BigDecimal>> maxConcentrationPercent,
            String maxConcentrationSource, DecimalSetting maxFoamMlPerSession, DecimalSetting maxFoamMlLimited,
            IntSetting warnAtPercent, IntSetting foamLiquidParts, IntSetting foamGasParts) {
    }

    /** One check the clinician confirms before the first injection. */
    public record ChecklistItem(String code, String text, String source) {
    }

    /** Dose limits of one agent. */
    public record AgentLimit(BigDecimal mgPerKgPerDay, BigDecimal maxLiquidMlPerSession, String source) {
    }

    public record DecimalSetting(BigDecimal value, String source) {
    }

    public record FlagSetting(Boolean value, String source) {
    }

    /** A text the clinic shows patients, with its source. */
    public record TextSetting(String text, String source) {
    }

    /**
     * Prices: a session is priced by the total size of the areas treated, counted in hands (seed 001's hand rule:
     * small 1, medium 2, large 3); up to {@code smallBandMaxHands} is the small band, up to
     * {@code mediumBandMaxHands} the medium band, above it the large band.
     */
    public record PriceSettings(String currency, BigDecimal consultationFee, Boolean consultationFeeRedeemable,
            BigDecimal sessionPriceSmall, BigDecimal sessionPriceMedium, BigDecimal sessionPriceLarge,
            Integer smallBandMaxHands, Integer mediumBandMaxHands, BigDecimal hosieryPrice, Integer hosieryPairs,
            Integer quoteValidityDays, String source) {
    }

    /** What a patient consents to: the risks with their frequencies, the alternatives, the aftercare commitment. */
    public record ConsentSettings(String textVersion, List<Risk> risks, String alternatives, String aftercare,
            String source) {
    }

    public record Risk(String code, String text, String frequency, String source) {
    }

    /** Screening parameters: duplex policy, how long a clearance lasts, and each rule's level and window. */
    public record ScreeningSettings(DuplexSetting duplexRequired, IntSetting clearanceValidityDays,
            Map<ScreeningRule, RuleSetting> rules) {
    }

    public record DuplexSetting(DuplexPolicy value, String source) {
    }

    public record IntSetting(Integer value, String source) {
    }

    /**
     * One rule's settings. {@code enabled} false switches it off; {@code windowDays} is for windowed rules;
     * {@code restrictions} are added when the rule applies. Texts may use {until}, {windowDays} and {agents}.
     */
    public record RuleSetting(Boolean enabled, Level level, Integer windowDays, List<Restriction> restrictions,
            String source, String clinicianText, String patientText) {

        public boolean isEnabled() {
            return enabled == null || enabled;
        }

        public List<Restriction> restrictionsOrNone() {
            return restrictions == null ? List.of() : restrictions;
        }
    }

    /** A sclerosant the clinic stocks, with its strengths in percent. */
    public record SclerosantSetting(String agent, String name, Boolean containsEthanol, List<BigDecimal> strengths,
            String source) {
    }

    public RuleSetting rule(ScreeningRule rule) {
        return screening.rules().get(rule);
    }

    public List<String> stockedAgents() {
        return sclerosants.stream().map(SclerosantSetting::agent).toList();
    }
}

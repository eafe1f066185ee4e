package org.venula.protocol;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.venula.protocol.rules.Citations;

/**
 * A protocol as a clinic reads and edits it: one section per capability that reads it, beside {@code screening}.
 * Every clinical value carries a {@code source}: text that cites the works in {@code sources} by id, as
 * {@code [id]}, with a note of its own (see {@link Citations}); staff read it through {@link #cite(String)}.
 */
public record ProtocolDocument(String id, String name, String description, Integer version,
        ScreeningSettings screening, List<SclerosantSetting> sclerosants, PlanSettings plan, PriceSettings prices,
        ConsentSettings consent, BookingSettings booking, TreatmentSettings treatment,
        AftercareSettings aftercare, AuditSettings audit, List<Source> sources) {

    public ProtocolDocument withVersion(Integer newVersion) {
        return new ProtocolDocument(id, name, description, newVersion, screening, sclerosants, plan, prices, consent, booking, treatment, aftercare, audit, sources);
    }

    public ProtocolDocument withScreening(ScreeningSettings newScreening) {
        return new ProtocolDocument(id, name, description, version, newScreening, sclerosants, plan, prices, consent, booking, treatment, aftercare, audit, sources);
    }

    public ProtocolDocument withSclerosants(List<SclerosantSetting> newSclerosants) {
        return new ProtocolDocument(id, name, description, version, screening, newSclerosants, plan, prices, consent, booking, treatment, aftercare, audit, sources);
    }

    public ProtocolDocument withId(String newId) {
        return new ProtocolDocument(newId, name, description, version, screening, sclerosants, plan, prices, consent, booking, treatment, aftercare, audit, sources);
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
     * course ({@code incompleteClearanceRecallMonths} when a review at discharge found the median clearance below
     * {@code completeClearancePercent}). The minimum days between treatments is {@code plan.intervalMinDays}.
     */
    public record BookingSettings(IntSetting consultationMinutes, IntSetting treatmentMinutes,
            IntSetting reviewMinutes, IntSetting slotMinutes, FlagSetting seeAndTreat, IntSetting reviewFromDays,
            IntSetting reviewToDays, IntSetting reminderHours, List<TextSetting> treatmentPreparation,
            IntSetting maintenanceRecallMonths, IntSetting incompleteClearanceRecallMonths,
            IntSetting completeClearancePercent, FlagSetting patientsBookConsultations,
            FlagSetting patientsBookTreatments, FlagSetting patientsBookReviews, IntSetting cancellationNoticeHours) {
    }

    /**
     * What patients may do for themselves in the portal: which appointments they may book (always under every
     * pathway rule), and how long before an appointment they may still cancel or move it themselves.
     */
    public record PortalBooking(boolean consultations, boolean treatments, boolean reviews, int noticeHours) {

        /** The standard preset's, for a version stored before these were protocol values. */
        public static final PortalBooking STANDARD = new PortalBooking(true, true, true, 48);
    }

    /**
     * Charting a session: the checklist before the first injection, how recent the weight must be, and the dose
     * limits. {@code agentLimits} per stocked agent: milligrams per kg body weight per day (null: no such limit) and
     * millilitres of liquid per session. {@code maxConcentrationPercent}: the usual highest strength per vein type and
     * agent; above it the check warns. Foam: the most per session, the lower figure while a screening restriction
     * limits foam. A value from {@code warnAtPercent} of a limit up to the limit warns; above the limit blocks. The
     * charting defaults, offered until the clinician enters others: the foam mix in liquid+gas parts and the needle
     * gauge ({@code needleGauge}, which versions stored before it lack; read them with {@link #chartingDefaults()}).
     */
    public record TreatmentSettings(List<ChecklistItem> checklist, IntSetting weightValidityDays,
            Map<String, AgentLimit> agentLimits, Map<String, Map<String, BigDecimal>> maxConcentrationPercent,
            String maxConcentrationSource, DecimalSetting maxFoamMlPerSession, DecimalSetting maxFoamMlLimited,
            IntSetting warnAtPercent, IntSetting foamLiquidParts, IntSetting foamGasParts, IntSetting needleGauge) {
    }

    /**
     * What charting a session offers until the clinician enters another value: the needle gauge and the foam mix, in
     * parts of liquid sclerosant and parts of gas (1 + 4 is the Tessari mix).
     */
    public record ChartingDefaults(int needleGauge, int foamLiquidParts, int foamGasParts) {

        /** The standard preset's: a 30 G needle and foam of 1 part liquid to 4 parts air. */
        public static final ChartingDefaults STANDARD = new ChartingDefaults(30, 1, 4);
    }

    /**
     * Aftercare: the dated instructions, the review and result-photo windows, what is normal, the patient information
     * pages, and symptom triage. Days count from the treatment date D (day 0).
     */
    public record AftercareSettings(List<AftercareInstruction> instructions, Window review,
            Window resultPhotosTelangiectasiaOnly, Window resultPhotosOtherwise, List<TextSetting> normal,
            TriageSettings triage, List<InfoSection> information) {
    }

    /**
     * One instruction. It starts on D, or with {@code after} the day after that instruction's last day. Its last day
     * ({@code until}) is D + {@code days}; {@code daysByVeinType} gives it by the veins treated, and
     * {@code daysIfProlongedStanding} / {@code daysIfFoam} apply when the patient's job means long standing or foam
     * was used; when several apply, the longest. {@code milestone} names the day after {@code until} in the calendar
     * ("Stockings off").
     */
    public record AftercareInstruction(String code, String text, String after, Integer days,
            Map<String, Integer> daysByVeinType, Integer daysIfProlongedStanding, Integer daysIfFoam,
            String milestone, String source) {
    }

    /** A window from D: in days, or in calendar months (added with plusMonths); both ends inclusive. */
    public record Window(Integer fromDays, Integer toDays, Integer fromMonths, Integer toMonths, String source) {
    }

    /**
     * Symptom triage: each symptom's level, the symptom a patient reads, advice per level and reassurance per
     * expected symptom; {@code escalations} raise a symptom's level once more than {@code afterDays} have passed.
     * Texts may use {emergencyNumber}.
     */
    public record TriageSettings(Map<String, String> levels, Map<String, String> symptomText,
            Map<String, String> advice, Map<String, String> reassurance, Map<String, Escalation> escalations,
            String source) {
    }

    public record Escalation(Integer afterDays, String level, String source) {
    }

    /**
     * The outcome audit: published figures each complication rate is shown beside, by complication type; rates as
     * proportions of sessions (0.15 is 15%).
     */
    public record AuditSettings(Map<String, Reference> references) {
    }

    public record Reference(Double rate, Double low, Double high, String text, String source) {
    }

    /** A section of the clinic's public patient information. */
    public record InfoSection(String title, String text, String source) {
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

    /** A value's source as staff read it: the title and section of each work it cites. */
    public String cite(String source) {
        return Citations.readable(source, sources);
    }

    /**
     * The needle and foam mix that charting offers. A value the document lacks (a version stored before the needle
     * gauge was a protocol value, say) is the standard preset's, {@link ChartingDefaults#STANDARD}.
     */
    public ChartingDefaults chartingDefaults() {
        ChartingDefaults standard = ChartingDefaults.STANDARD;
        return new ChartingDefaults(
                valueOr(treatment == null ? null : treatment.needleGauge(), standard.needleGauge()),
                valueOr(treatment == null ? null : treatment.foamLiquidParts(), standard.foamLiquidParts()),
                valueOr(treatment == null ? null : treatment.foamGasParts(), standard.foamGasParts()));
    }

    /** The portal's booking settings; a value the document lacks is the standard preset's. */
    public PortalBooking portalBooking() {
        PortalBooking standard = PortalBooking.STANDARD;
        return new PortalBooking(flagOr(booking == null ? null : booking.patientsBookConsultations(),
                standard.consultations()), flagOr(booking == null ? null : booking.patientsBookTreatments(),
                standard.treatments()), flagOr(booking == null ? null : booking.patientsBookReviews(),
                standard.reviews()), valueOr(booking == null ? null : booking.cancellationNoticeHours(),
                standard.noticeHours()));
    }

    private static boolean flagOr(FlagSetting setting, boolean otherwise) {
        return setting == null || setting.value() == null ? otherwise : setting.value();
    }

    private static int valueOr(IntSetting setting, int otherwise) {
        return setting == null || setting.value() == null ? otherwise : setting.value();
    }

    public List<String> stockedAgents() {
        return sclerosants.stream().map(SclerosantSetting::agent).toList();
    }
}

package org.venula.protocol;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A protocol as a clinic reads and edits it. Later capabilities add their sections beside {@code screening}.
 * Every clinical value carries a {@code source}: a seed file name or a guideline/label.
 */
public record ProtocolDocument(String id, String name, String description, Integer version,
        ScreeningSettings screening, List<SclerosantSetting> sclerosants) {

    /** Screening parameters: duplex policy, how long a clearance lasts, and each rule's level and window. */
    public record ScreeningSettings(DuplexSetting duplexRequired, DaysSetting clearanceValidityDays,
            Map<ScreeningRule, RuleSetting> rules) {
    }

    public record DuplexSetting(DuplexPolicy value, String source) {
    }

    public record DaysSetting(Integer value, String source) {
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

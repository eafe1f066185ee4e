package org.venula.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.venula.protocol.Level;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.ProtocolDocument.IntSetting;
import org.venula.protocol.ProtocolDocument.RuleSetting;
import org.venula.protocol.ProtocolDocument.ScreeningSettings;
import org.venula.protocol.ScreeningRule;
import org.venula.shared.FieldProblem;
import org.venula.support.Presets;

class ProtocolCheckTest {

    private final ProtocolDocument standard = Presets.get("standard");

    @Test
    void everyShippedPresetPassesTheCheck() {
        Presets.all().values().forEach(p -> assertThat(ProtocolCheck.problems(p)).as(p.id()).isEmpty());
    }

    @Test
    void aWindowMustBePositiveAndARuleNeedsALevelAndASource() {
        Map<ScreeningRule, RuleSetting> rules = new EnumMap<>(standard.screening().rules());
        RuleSetting antibiotics = rules.get(ScreeningRule.RECENT_ANTIBIOTICS);
        rules.put(ScreeningRule.RECENT_ANTIBIOTICS, new RuleSetting(null, antibiotics.level(), -1, null,
                antibiotics.source(), antibiotics.clinicianText(), antibiotics.patientText()));
        RuleSetting pregnancy = rules.get(ScreeningRule.PREGNANCY);
        rules.put(ScreeningRule.PREGNANCY, new RuleSetting(null, null, 7, null, " ", pregnancy.clinicianText(),
                pregnancy.patientText()));
        rules.remove(ScreeningRule.TAMOXIFEN);
        assertThat(fields(withRules(rules))).containsExactlyInAnyOrder(
                "screening.rules.RECENT_ANTIBIOTICS.windowDays",
                "screening.rules.PREGNANCY.level",
                "screening.rules.PREGNANCY.windowDays",
                "screening.rules.PREGNANCY.source",
                "screening.rules.TAMOXIFEN");
    }

    @Test
    void aProtocolStocksAtLeastOneSclerosantWithPositiveStrengths() {
        ProtocolDocument none = standard.withSclerosants(List.of());
        assertThat(fields(none)).contains("sclerosants", "plan.agentByVeinType.TELANGIECTASIA[0].agent");
        ProtocolDocument bad = standard.withSclerosants(List.of(new ProtocolDocument.SclerosantSetting("polidocanol",
                "Polidocanol", true, List.of(BigDecimal.ZERO), "label")));
        assertThat(fields(bad)).contains("sclerosants[0].agent", "sclerosants[0].strengths[0]");
    }

    @Test
    void theClearanceValidityIsBetweenADayAndTwoYears() {
        ScreeningSettings s = standard.screening();
        ProtocolDocument doc = standard.withScreening(
                new ScreeningSettings(s.duplexRequired(), new IntSetting(0, "clinic"), s.rules()));
        assertThat(fields(doc)).containsExactly("screening.clearanceValidityDays.value");
    }

    @Test
    void theIdIsASlug() {
        ProtocolDocument doc = standard.withId("My Protocol");
        assertThat(fields(doc)).containsExactly("id");
        assertThat(Level.REFER.isMoreSevereThan(Level.DEFER)).isTrue();
    }

    private ProtocolDocument withRules(Map<ScreeningRule, RuleSetting> rules) {
        ScreeningSettings s = standard.screening();
        return standard.withScreening(new ScreeningSettings(s.duplexRequired(), s.clearanceValidityDays(), rules));
    }

    private static List<String> fields(ProtocolDocument doc) {
        return ProtocolCheck.problems(doc).stream().map(FieldProblem::field).toList();
    }
}

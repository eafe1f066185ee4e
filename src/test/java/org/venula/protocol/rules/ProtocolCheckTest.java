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
import org.venula.protocol.Source;
import org.venula.shared.FieldProblem;
import org.venula.support.Presets;

class ProtocolCheckTest {

    private final ProtocolDocument standard = Presets.get("standard");

    @Test
    void everyShippedPresetPassesTheCheck() {
        Presets.all().values().forEach(p -> assertThat(ProtocolCheck.problems(p)).as(p.id()).isEmpty());
    }

    @Test
    void everySectionIsCheckedAndItsProblemsComeInTheDocumentsOrder() {
        ProtocolDocument doc = EditedProtocol.standardWith("id = Not A Slug; prices.quoteValidityDays = 0; "
                + "screening.clearanceValidityDays.value = 0; aftercare.triage.levels.CHEST_PAIN = EXPECTED; "
                + "treatment.warnAtPercent.value = 0; consent.risks = []");
        assertThat(fields(doc)).containsExactly("id", "screening.clearanceValidityDays.value",
                "prices.quoteValidityDays", "consent.risks", "treatment.warnAtPercent.value",
                "aftercare.triage.levels.CHEST_PAIN");
        assertThat(ProtocolCheck.problems(null)).extracting(FieldProblem::field).containsExactly("document");
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

    @Test
    void aSourceMayCiteOnlyWorksInTheSourcesList() {
        Map<ScreeningRule, RuleSetting> rules = new EnumMap<>(standard.screening().rules());
        RuleSetting antibiotics = rules.get(ScreeningRule.RECENT_ANTIBIOTICS);
        rules.put(ScreeningRule.RECENT_ANTIBIOTICS, new RuleSetting(null, antibiotics.level(), 7, null,
                "[uk-clinic-suitable]; [governance-2026] — agreed in November", antibiotics.clinicianText(),
                antibiotics.patientText()));
        List<FieldProblem> problems = ProtocolCheck.problems(withRules(rules));
        assertThat(problems).extracting(FieldProblem::field)
                .containsExactly("screening.rules.RECENT_ANTIBIOTICS.source");
        assertThat(problems.get(0).message()).contains("[governance-2026]");

        List<Source> more = new java.util.ArrayList<>(standard.sources());
        more.add(new Source("governance-2026", "Clinic governance meeting", "November 2026", null, null));
        assertThat(fields(withSources(withRules(rules), more))).isEmpty();
    }

    @Test
    void aSourceInTheListNeedsAnIdOfItsOwnAndATitle() {
        List<Source> sources = new java.util.ArrayList<>(standard.sources());
        sources.add(new Source(standard.sources().get(0).id(), "Again", null, null, null));
        sources.add(new Source("Not An Id", " ", null, null, "ftp://example.invalid"));
        assertThat(fields(withSources(standard, sources))).containsExactlyInAnyOrder(
                "sources[" + (sources.size() - 2) + "].id",
                "sources[" + (sources.size() - 1) + "].id",
                "sources[" + (sources.size() - 1) + "].title",
                "sources[" + (sources.size() - 1) + "].url");
    }

    @Test
    void aVersionStoredBeforeSourcesHadIdsCitesNoneAndPasses() throws java.io.IOException {
        ProtocolDocument old = org.venula.protocol.internal.PresetLibrary.load(
                tools.jackson.databind.json.JsonMapper.builder().build(), "classpath:protocols-before-sources/*.yaml")
                .get("standard");
        assertThat(old.sources()).isNull();
        assertThat(fields(old)).isEmpty();
        assertThat(fields(withSources(standard, null))).isNotEmpty().allMatch(f -> f.endsWith("ource"));
    }

    private static ProtocolDocument withSources(ProtocolDocument d, List<Source> sources) {
        return new ProtocolDocument(d.id(), d.name(), d.description(), d.version(), d.screening(), d.sclerosants(),
                d.plan(), d.prices(), d.consent(), d.booking(), d.treatment(), d.aftercare(), d.audit(), sources);
    }

    private ProtocolDocument withRules(Map<ScreeningRule, RuleSetting> rules) {
        ScreeningSettings s = standard.screening();
        return standard.withScreening(new ScreeningSettings(s.duplexRequired(), s.clearanceValidityDays(), rules));
    }

    private static List<String> fields(ProtocolDocument doc) {
        return ProtocolCheck.problems(doc).stream().map(FieldProblem::field).toList();
    }
}

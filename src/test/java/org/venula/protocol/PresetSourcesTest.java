package org.venula.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.venula.protocol.internal.PresetLibrary;
import org.venula.protocol.rules.Citations;
import org.venula.support.Presets;

import tools.jackson.databind.json.JsonMapper;

/** What staff read as the source of every value in every shipped preset, and in a version stored before sources had ids. */
class PresetSourcesTest {

    private static final Pattern INTERNAL = Pattern.compile("\\.txt|domain\\.md|§|[0-9a-f]{12,}|\\[[a-z0-9-]+]");

    @Test
    void everyPresetShowsEachSourceAsTheTitleOfAWorkNeverAFileName() {
        Presets.all().forEach((id, doc) -> {
            Map<String, String> fields = Citations.fields(doc);
            assertThat(fields).as(id).isNotEmpty();
            fields.forEach((path, source) -> assertThat(doc.cite(source)).as(id + " " + path)
                    .isNotBlank().doesNotContainPattern(INTERNAL));
        });
    }

    @Test
    void everyCitedIdIsInThePresetsSourcesList() {
        Presets.all().forEach((id, doc) -> {
            Set<String> listed = new HashSet<>();
            doc.sources().forEach(s -> listed.add(s.id()));
            Citations.fields(doc).forEach((path, source) -> assertThat(listed).as(id + " " + path)
                    .containsAll(Citations.ids(source)));
        });
    }

    @Test
    void everyListedSourceHasATitleAndIsCitedByAPreset() {
        Set<String> cited = new HashSet<>();
        Presets.all().values().forEach(doc -> Citations.fields(doc).values()
                .forEach(s -> cited.addAll(Citations.ids(s))));
        Presets.get("standard").sources().forEach(s -> {
            assertThat(s.title()).as(s.id()).isNotBlank();
            assertThat(s.reference()).as(s.id()).doesNotContainPattern(INTERNAL);
            assertThat(cited).as("cited somewhere").contains(s.id());
        });
    }

    @Test
    void theScreeningSourcesNameThePageAndItsHeading() {
        ProtocolDocument standard = Presets.get("standard");
        assertThat(standard.cite(standard.rule(ScreeningRule.RECENT_ANTIBIOTICS).source())).isEqualTo(
                "UK clinic microsclerotherapy page: Am I a suitable candidate for microsclerotherapy?"
                        + " — antibiotics in the last fortnight");
        assertThat(standard.cite(standard.rule(ScreeningRule.ACUTE_DVT_OR_PE).source())).startsWith(
                "European guidelines for sclerotherapy in chronic venous disorders (Rabe et al., Phlebology 2014),"
                        + " contraindications; ");
        ProtocolDocument bas = Presets.get("bas-guide");
        assertThat(bas.cite(bas.rule(ScreeningRule.LONG_HAUL_FLIGHT_SOON).source()))
                .isEqualTo("BAS patient guide: After treatment — no long-haul travel for at least 6 weeks");
    }

    @Test
    void aVersionStoredBeforeSourcesHadIdsStillLoadsAndShowsTitles() throws IOException {
        ProtocolDocument old = PresetLibrary.load(JsonMapper.builder().build(),
                "classpath:protocols-before-sources/*.yaml").get("standard");
        assertThat(old.sources()).isNull();
        Map<String, String> fields = Citations.fields(old);
        assertThat(fields.get("screening.rules.RECENT_ANTIBIOTICS.source")).isEqualTo("001_bb3ae163de9e34ac.txt");
        fields.forEach((path, source) -> assertThat(old.cite(source)).as(path)
                .isNotBlank().doesNotContainPattern(INTERNAL));
        assertThat(old.cite(fields.get("screening.rules.RECENT_ANTIBIOTICS.source")))
                .isEqualTo("UK clinic microsclerotherapy page");
        assertThat(old.cite(fields.get("sclerosants[0].source")))
                .isEqualTo("polidocanol label (Asclera (polidocanol) prescribing information)");
    }
}

package org.venula.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.venula.protocol.ProtocolDocument.ChartingDefaults;
import org.venula.protocol.internal.PresetLibrary;
import org.venula.support.Presets;

import tools.jackson.databind.json.JsonMapper;

/** The needle and foam mix that charting offers, as a protocol gives them. */
class ChartingDefaultsTest {

    @Test
    void theStandardPresetOffersA30GaugeNeedleAndTessariFoam() {
        assertThat(Presets.get("standard").chartingDefaults()).isEqualTo(new ChartingDefaults(30, 1, 4))
                .isEqualTo(ChartingDefaults.STANDARD);
    }

    @Test
    void everyShippedPresetGivesItsNeedleWithASource() {
        Presets.all().forEach((id, doc) -> {
            assertThat(doc.treatment().needleGauge()).as(id).isNotNull();
            assertThat(doc.cite(doc.treatment().needleGauge().source())).as(id)
                    .startsWith("European guidelines for sclerotherapy in chronic venous disorders");
        });
    }

    @Test
    void aDocumentWithoutANeedleOffersTheStandardOne() throws IOException {
        ProtocolDocument old = PresetLibrary.load(JsonMapper.builder().build(),
                "classpath:protocols-before-sources/*.yaml").get("standard");
        assertThat(old.treatment().needleGauge()).isNull();
        assertThat(old.chartingDefaults()).isEqualTo(ChartingDefaults.STANDARD);
        ProtocolDocument none = new ProtocolDocument("x", "X", null, 1, null, null, null, null, null, null, null,
                null, null, null);
        assertThat(none.chartingDefaults()).isEqualTo(ChartingDefaults.STANDARD);
    }
}

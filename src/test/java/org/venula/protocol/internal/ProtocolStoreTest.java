package org.venula.protocol.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.ProtocolDocument.ChartingDefaults;
import org.venula.support.Presets;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** How a version stored by an earlier release reads today. */
class ProtocolStoreTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode standard = JSON.valueToTree(Presets.get("standard"));

    @Test
    void aVersionStoredBeforeTheNeedleGaugeChartsWithTheStandardPresetsNeedle() throws IOException {
        ObjectNode stored = storedBeforeSources();
        assertThat(stored.get("treatment").has("needleGauge")).isFalse();
        ProtocolDocument read = JSON.treeToValue(ProtocolStore.completed(stored, standard), ProtocolDocument.class);
        assertThat(read.treatment().needleGauge()).isEqualTo(Presets.get("standard").treatment().needleGauge());
        assertThat(read.chartingDefaults()).isEqualTo(ChartingDefaults.STANDARD);
        assertThat(read.treatment().foamLiquidParts().source()).as("what the clinic stored is kept")
                .isEqualTo("Tessari 1+4 mix (domain.md §4.4, S11)");
    }

    @Test
    void aVersionStoredWithoutATreatmentSectionGetsTheStandardOne() throws IOException {
        ObjectNode stored = storedBeforeSources();
        stored.remove("treatment");
        ProtocolDocument read = JSON.treeToValue(ProtocolStore.completed(stored, standard), ProtocolDocument.class);
        assertThat(read.treatment()).isEqualTo(Presets.get("standard").treatment());
    }

    private static ObjectNode storedBeforeSources() throws IOException {
        try (InputStream in = ProtocolStoreTest.class.getResourceAsStream("/protocols-before-sources/standard.yaml")) {
            return (ObjectNode) YAMLMapper.builder().build().readTree(in);
        }
    }
}

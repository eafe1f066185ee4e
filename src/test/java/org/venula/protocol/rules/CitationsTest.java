package org.venula.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.venula.protocol.Source;
import org.venula.support.Presets;

class CitationsTest {

    private static final List<Source> SOURCES = List.of(
            new Source("bas-not-suitable", "BAS patient guide", "Who is not suitable", null, null),
            new Source("european-2014", "European guidelines for sclerotherapy in chronic venous disorders "
                    + "(Rabe et al., 2014)", "section 3", null, null),
            new Source("nice-cg168", "NICE guideline CG168", null, "NICE", null));

    @ParameterizedTest(name = "{0} reads \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            [bas-not-suitable]                         | BAS patient guide: Who is not suitable
            [european-2014]                            | European guidelines for sclerotherapy in chronic venous disorders (Rabe et al., 2014), section 3
            [nice-cg168]                               | NICE guideline CG168
            [bas-not-suitable] — pregnancy; [nice-cg168] | BAS patient guide: Who is not suitable — pregnancy; NICE guideline CG168
            Clinic governance meeting, November 2026   | Clinic governance meeting, November 2026
            [not-listed] — a note                      | [not-listed] — a note
            001_bb3ae163de9e34ac.txt                   | UK clinic microsclerotherapy page
            001_bb3ae163de9e34ac.txt: review at 4-6 weeks | UK clinic microsclerotherapy page: review at 4-6 weeks
            004_2561a720c0a5acb2.txt; label (domain.md S6, S9) | Dr. Jenny Clinic: Microsclerotherapy; label (Asclera (polidocanol) prescribing information, Fibro-vein (sodium tetradecyl sulfate) Summary of Product Characteristics)
            domain.md §6 (S1)                          | side effects and their frequencies (S2k guideline on sclerotherapy (Rabe et al., 2020))
            as standard (003_e4e07dddd07b21cb.txt); seed 002 gives no other aftercare | as standard (Vein clinic article on sclerotherapy recovery); Whiteley Clinic: Microsclerotherapy – Leg Thread Veins gives no other aftercare
            """)
    void aSourceReadsAsTheTitlesOfTheWorksItCites(String source, String readable) {
        assertThat(Citations.readable(source, SOURCES)).isEqualTo(readable);
    }

    @Test
    void theCitedIdsAreThoseInSquareBrackets() {
        assertThat(Citations.ids("[bas-not-suitable] — pregnancy; [nice-cg168]; [Not An Id]"))
                .containsExactly("bas-not-suitable", "nice-cg168");
        assertThat(Citations.ids(null)).isEmpty();
        assertThat(Citations.readable(null, SOURCES)).isNull();
    }

    @Test
    void everySourceFieldIsFoundByItsPath() {
        assertThat(Citations.fields(Presets.get("standard"))).containsKeys(
                "screening.duplexRequired.source",
                "screening.rules.RECENT_ANTIBIOTICS.source",
                "sclerosants[0].source",
                "plan.agentByVeinType.TELANGIECTASIA[0].source",
                "plan.advice[0].source",
                "prices.source",
                "consent.risks[0].source",
                "booking.treatmentPreparation[0].source",
                "treatment.agentLimits.POLIDOCANOL.source",
                "treatment.maxConcentrationSource",
                "aftercare.instructions[0].source",
                "aftercare.triage.source",
                "aftercare.triage.escalations.ANKLE_SWELLING.source",
                "aftercare.information[0].source",
                "audit.references.HYPERPIGMENTATION.source")
                .doesNotContainKey("sources");
    }
}

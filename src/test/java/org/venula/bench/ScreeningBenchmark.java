package org.venula.bench;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.venula.patient.MedicalHistory;
import org.venula.patient.rules.NhsNumber;
import org.venula.protocol.ProtocolDocument;
import org.venula.screening.rules.Area;
import org.venula.screening.rules.ScreeningEngine;
import org.venula.screening.rules.ScreeningResult;
import org.venula.support.Histories;
import org.venula.support.Presets;

/**
 * How fast the plain-Java rules run. Not part of the test suite; run as docs/benchmarks.md says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScreeningBenchmark {

    private final LocalDate asOf = LocalDate.of(2026, 11, 22);
    private final ProtocolDocument standard = Presets.get("standard");
    private final MedicalHistory clear = Histories.history("-");
    private final MedicalHistory complex = Histories.history("pregnant=true, lastAntibioticsOn=2026-11-15, "
            + "medications=DISULFIRAM+TAMOXIFEN, sclerosantAllergies=SODIUM_TETRADECYL_SULFATE, "
            + "migraineWithAura=true, fitzpatrickSkinType=5, plannedLongHaulFlightOn=2026-12-01");

    @Benchmark
    public ScreeningResult screenAClearHistory() {
        return ScreeningEngine.evaluate(asOf, Area.LEGS, clear, standard);
    }

    @Benchmark
    public ScreeningResult screenAHistoryWithSevenFindings() {
        return ScreeningEngine.evaluate(asOf, Area.LEGS, complex, standard);
    }

    @Benchmark
    public boolean checkAnNhsNumber() {
        return NhsNumber.isValid("943 476 5919");
    }
}

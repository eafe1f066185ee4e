package org.venula.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import org.venula.aftercare.rules.AftercarePlanner;
import org.venula.aftercare.rules.Triage;
import org.venula.protocol.VeinType;
import org.venula.followup.rules.Stats;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.Restriction;
import org.venula.protocol.Symptom;
import org.venula.support.Presets;
import org.venula.treatment.rules.DoseCheck;

/**
 * The dose check on a forty-injection session (the check runs after every injection), an aftercare plan, a triage
 * and a Wilson interval. Not part of the test suite; run as docs/benchmarks.md says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClinicalRulesBenchmark {

    private final ProtocolDocument standard = Presets.get("standard");
    private final DoseCheck.Limits limits = DoseCheck.Limits.of(standard);
    private final List<DoseCheck.Injection> forty = new ArrayList<>();
    private final AftercarePlanner.Facts facts = new AftercarePlanner.Facts(LocalDate.of(2026, 12, 1),
            Set.of(VeinType.TELANGIECTASIA, VeinType.RETICULAR), true, true);

    public ClinicalRulesBenchmark() {
        for (int i = 0; i < 40; i++) {
            forty.add(new DoseCheck.Injection(i % 3 == 0 ? "SODIUM_TETRADECYL_SULFATE" : "POLIDOCANOL",
                    new BigDecimal(i % 3 == 0 ? "0.2" : "0.5"), i % 7 == 0 ? DoseCheck.Form.FOAM : DoseCheck.Form.LIQUID,
                    new BigDecimal("0.2"), 1, 4, VeinType.TELANGIECTASIA));
        }
    }

    @Benchmark
    public DoseCheck.Result doseCheckFortyInjections() {
        return DoseCheck.check(new BigDecimal("62.5"), limits, Set.of(Restriction.LIMIT_FOAM), forty, List.of());
    }

    @Benchmark
    public AftercarePlanner.Plan aftercarePlan() {
        return AftercarePlanner.plan(standard.aftercare(), facts);
    }

    @Benchmark
    public Triage.Result triageThreeSymptoms() {
        return Triage.triage(standard.aftercare().triage(), 5, List.of(Symptom.BRUISING, Symptom.ANKLE_SWELLING,
                Symptom.CALF_SWELLING_OR_PAIN), "999");
    }

    @Benchmark
    public Stats.Interval wilson() {
        return Stats.wilson(37, 1200, Stats.Z95);
    }
}

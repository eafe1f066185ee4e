package org.venula.bench;

import java.util.List;
import java.util.Optional;
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
import org.venula.patient.rules.NameSearch;
import org.venula.patient.rules.NhsNumber;
import org.venula.shared.Sha256;

/**
 * What every patient search and every access-log entry pays for in plain Java: reading a surname query into its
 * look-ups, checking whether it is an NHS number, and the SHA-256 that seals one entry into the chain. Not part of
 * the test suite; run as docs/benchmarks.md says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SearchCostsBenchmark {

    /** About what {@code ChainHash} hashes for one search's entry. */
    private final String entry = "64:" + "0".repeat(64) + ";7:1234567;27:2026-12-03T19:30:00.123456Z;1:1;2:12;"
            + "9:dr.okafor;6:543210;15:SEARCH_PATIENTS;12:query: smith;9:127.0.0.1;3:API;";

    @Benchmark
    public List<NameSearch.Prefix> surnameQuery() {
        return NameSearch.of("Smith").prefixes();
    }

    @Benchmark
    public Optional<String> nhsNumberCheckOfAName() {
        return NhsNumber.normalise("smith");
    }

    @Benchmark
    public String sealOneEntry() {
        return Sha256.hex(entry);
    }
}

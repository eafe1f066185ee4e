package org.venula.followup.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The audit's statistics against figures worked by hand. Wilson: centre (p + z²/2n)/(1 + z²/n), half-width
 * z·sqrt(p(1-p)/n + z²/4n²)/(1 + z²/n). At 0 of n the upper end is z²/(n + z²); at n of n the lower end is n/(n + z²).
 */
class StatsTest {

    @ParameterizedTest(name = "{0} of {1}: {2} to {3}")
    @CsvSource(textBlock = """
            0,  10,  0.0000, 0.2775
            10, 10,  0.7225, 1.0000
            5,  10,  0.2366, 0.7634
            1,  20,  0.0089, 0.2361
            0,  1,   0.0000, 0.7935
            15, 100, 0.0931, 0.2328
            """)
    void wilsonNinetyFivePercent(long x, long n, double low, double high) {
        Stats.Interval ci = Stats.wilson(x, n, Stats.Z95);
        assertThat(ci.low()).isCloseTo(low, within(0.0001));
        assertThat(ci.high()).isCloseTo(high, within(0.0001));
    }

    @Test
    void zeroOfNIsZ2OverNPlusZ2() {
        double z2 = Stats.Z95 * Stats.Z95;
        assertThat(Stats.wilson(0, 50, Stats.Z95).high()).isCloseTo(z2 / (50 + z2), within(1e-12));
        assertThat(Stats.wilson(50, 50, Stats.Z95).low()).isCloseTo(50 / (50 + z2), within(1e-12));
        assertThat(Stats.wilson(0, 0, Stats.Z95)).isEqualTo(new Stats.Interval(0, 1));
    }

    @ParameterizedTest(name = "target {0}, n {1}: 95% {2}..{3}, 99.8% {4}..{5}")
    @CsvSource(textBlock = """
            0.10, 100,  0.0412, 0.1588, 0.0073, 0.1927
            0.10, 400,  0.0706, 0.1294, 0.0537, 0.1464
            0.05, 20,   0.0000, 0.1455, 0.0000, 0.2006
            0.50, 10,   0.1901, 0.8099, 0.0114, 0.9886
            """)
    void funnelLimits(double target, long n, double low95, double high95, double low998, double high998) {
        Stats.Interval a = Stats.funnel(target, n, Stats.Z95);
        Stats.Interval b = Stats.funnel(target, n, Stats.Z998);
        assertThat(a.low()).isCloseTo(low95, within(0.0001));
        assertThat(a.high()).isCloseTo(high95, within(0.0001));
        assertThat(b.low()).isCloseTo(low998, within(0.0001));
        assertThat(b.high()).isCloseTo(high998, within(0.0001));
    }

    @Test
    void medians() {
        assertThat(Stats.median(List.of(50, 100, 75))).isEqualTo(75.0);
        assertThat(Stats.median(List.of(50, 100, 75, 90))).isEqualTo(82.5);
        assertThat(Stats.median(List.of())).isNull();
    }
}

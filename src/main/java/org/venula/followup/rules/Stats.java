package org.venula.followup.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The statistics of the outcome audit. Wilson's score interval for a proportion (Wilson 1927; recommended over the
 * Wald interval for small counts and rates near 0 or 1: Brown, Cai and DasGupta 2001). Funnel-plot control limits
 * around a target proportion p for a unit with n cases: p ± z·sqrt(p(1-p)/n), clipped to [0, 1] (Spiegelhalter 2005),
 * with z = 1.96 (95%) and 3.09 (99.8%).
 */
public final class Stats {

    public static final double Z95 = 1.959963984540054;
    public static final double Z998 = 3.090232306167813;

    private Stats() {
    }

    public record Interval(double low, double high) {
    }

    /** Wilson score interval for x events in n; for n = 0 the whole of [0, 1]. */
    public static Interval wilson(long x, long n, double z) {
        if (n <= 0) {
            return new Interval(0, 1);
        }
        if (x < 0 || x > n) {
            throw new IllegalArgumentException("events must be between 0 and n");
        }
        double p = (double) x / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        double low = x == 0 ? 0 : Math.max(0, centre - half);
        double high = x == n ? 1 : Math.min(1, centre + half);
        return new Interval(low, high);
    }

    /** Funnel-plot limits around {@code target} for a unit with {@code n} cases. */
    public static Interval funnel(double target, long n, double z) {
        if (n <= 0) {
            return new Interval(0, 1);
        }
        double half = z * Math.sqrt(target * (1 - target) / n);
        return new Interval(Math.max(0, target - half), Math.min(1, target + half));
    }

    /** The median of whole numbers (the mean of the middle two for an even count); null when empty. */
    public static Double median(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Integer> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2.0;
    }
}

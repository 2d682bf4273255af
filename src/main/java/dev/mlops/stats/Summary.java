package dev.mlops.stats;

import java.util.List;

/**
 * The distribution of one measure in one group.
 *
 * @param count         values seen
 * @param mean          arithmetic mean (exact)
 * @param min           smallest value (exact)
 * @param max           largest value (exact)
 * @param p50           50th percentile
 * @param p90           90th percentile
 * @param p95           95th percentile
 * @param p99           99th percentile
 * @param method        "exact" (numpy linear) or "ddsketch"
 * @param relativeError the guaranteed relative error of the percentiles (0 when exact)
 * @param histogram     counts on log-scaled buckets, {@link Histogram#PER_DECADE} per decade
 */
public record Summary(long count, double mean, double min, double max, double p50, double p90, double p95,
                      double p99, String method, double relativeError, Histogram histogram) {

    public static Summary empty() {
        return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                "exact", 0, new Histogram(0, List.of()));
    }

    public boolean isEmpty() {
        return count == 0;
    }
}

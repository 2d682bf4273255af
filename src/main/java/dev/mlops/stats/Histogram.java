package dev.mlops.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts on fixed log-scaled buckets: bucket {@code i} holds values in
 * {@code [10^(i/PER_DECADE), 10^((i+1)/PER_DECADE))}. Zeros are counted apart. Because the
 * buckets are fixed, histograms of different groups and threads add up.
 *
 * @param zeros   values equal to zero
 * @param buckets the non-empty buckets, ascending
 */
public record Histogram(long zeros, List<Bucket> buckets) {
    public static final int PER_DECADE = 20;

    /** One bucket: its index and count. */
    public record Bucket(int index, long count) {
        public double lower() {
            return Math.pow(10, (double) index / PER_DECADE);
        }

        public double upper() {
            return Math.pow(10, (double) (index + 1) / PER_DECADE);
        }
    }

    public Histogram {
        buckets = List.copyOf(buckets);
    }

    public static int index(double v) {
        int i = (int) Math.floor(Math.log10(v) * PER_DECADE);
        // guard against log10 rounding at exact bucket edges
        if (Math.pow(10, (double) (i + 1) / PER_DECADE) <= v) {
            i++;
        } else if (Math.pow(10, (double) i / PER_DECADE) > v) {
            i--;
        }
        return i;
    }

    public long total() {
        long t = zeros;
        for (Bucket b : buckets) {
            t += b.count();
        }
        return t;
    }

    /** Builds a histogram from bucket counts keyed by index. */
    static Histogram of(long zeros, java.util.SortedMap<Integer, Long> counts) {
        List<Bucket> out = new ArrayList<>();
        counts.forEach((i, c) -> out.add(new Bucket(i, c)));
        return new Histogram(zeros, out);
    }
}

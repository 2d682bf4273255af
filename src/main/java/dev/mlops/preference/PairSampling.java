package dev.mlops.preference;

import dev.mlops.selection.Allocation;
import dev.mlops.selection.Strata;
import dev.mlops.stats.Quantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which matched prompts become pairs: stratified by length with select's bins (the p0, p10, p50,
 * p90, p99 and p100 of version A's answers' tokens, input and output), n allocated in proportion to
 * the bins, and within a bin the prompts with the smallest seeded hashes.
 */
public final class PairSampling {
    private PairSampling() {
    }

    /** The chosen prompts: key hash → {A's record hash, B's record hash}. */
    public static Map<Long, long[]> choose(Map<Long, long[]> matched, long n, long seed) {
        double[] lengths = matched.values().stream().mapToDouble(v -> Double.longBitsToDouble(v[2]))
                .filter(d -> !Double.isNaN(d)).sorted().toArray();
        double[] edges = new double[Strata.DEFAULT_BINS.length];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = lengths.length == 0 ? Double.NaN : Quantiles.linear(lengths, lengths.length, Strata.DEFAULT_BINS[i]);
        }
        Map<String, List<Long>> byBin = new TreeMap<>();
        matched.forEach((k, v) -> byBin.computeIfAbsent(bin(Double.longBitsToDouble(v[2]), edges), x -> new ArrayList<>())
                .add(k));
        Map<String, Long> available = new TreeMap<>();
        byBin.forEach((b, keys) -> available.put(b, (long) keys.size()));
        Map<String, Long> quotas = Allocation.quotas(available, n, "proportional", Map.of());
        Map<Long, long[]> out = new TreeMap<>();
        byBin.forEach((b, keys) -> {
            Long[] sorted = keys.toArray(new Long[0]);
            Arrays.sort(sorted, Comparator.comparingLong((Long k) -> PairScan.hash(seed + ":" + k))
                    .thenComparingLong(k -> k));
            for (int i = 0; i < quotas.getOrDefault(b, 0L); i++) {
                long[] v = matched.get(sorted[i]);
                out.put(sorted[i], new long[] {v[0], v[1]});
            }
        });
        return out;
    }

    private static String bin(double length, double[] edges) {
        if (Double.isNaN(length) || Double.isNaN(edges[0])) {
            return "(no length)";
        }
        for (int i = 1; i < edges.length - 1; i++) {
            if (length <= edges[i]) {
                return "bin" + (i - 1);
            }
        }
        return "bin" + (edges.length - 2);
    }
}

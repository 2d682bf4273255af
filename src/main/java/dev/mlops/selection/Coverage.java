package dev.mlops.selection;

import dev.mlops.stats.Divergence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes the coverage report from the source's length counts and what was picked. */
public final class Coverage {
    private Coverage() {
    }

    /** Eligible records per stratum, from the per-group length counts of pass one. */
    public static Map<String, Long> available(Map<String, TreeMap<Long, Long>> counts, Strata strata) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((group, lengths) -> {
            for (int b = 0; b < strata.bins(); b++) {
                out.putIfAbsent(b + String.valueOf(Strata.SEP) + group, 0L);
            }
            lengths.forEach((l, c) -> out.merge(strata.bin(l) + String.valueOf(Strata.SEP) + group, c, Long::sum));
        });
        return out;
    }

    public static SelectReport report(long n, long seed, String allocate, String format, long written, Strata strata,
                                      Map<String, Long> available, Map<String, Long> quotas,
                                      Map<String, List<Candidate>> reservoirs, Selection.Result result,
                                      TreeMap<Long, Long> sourceLengths, Redactor redactor, long eligiblePairs) {
        List<SelectReport.Stratum> rows = new ArrayList<>();
        for (Map.Entry<String, Long> e : available.entrySet()) {
            String s = e.getKey();
            rows.add(new SelectReport.Stratum(strata.label(s), strata.key(s), e.getValue(), quotas.getOrDefault(s, 0L),
                    reservoirs.getOrDefault(s, List.of()).size(), result.picks().getOrDefault(s, 0L)));
        }
        TreeMap<Long, Long> picked = new TreeMap<>();
        for (Candidate c : result.picked()) {
            picked.merge(Math.round(strata.length(c.record())), 1L, Long::sum);
        }
        Map<String, Double> js = new TreeMap<>();
        js.put("length_bin", distance(available, result.picks(), 0));
        for (int f = 0; f < strata.by().size(); f++) {
            js.put(strata.by().get(f), distance(available, result.picks(), f + 1));
        }
        return new SelectReport(n, written, seed, allocate, format, rows, tokens(sourceLengths), tokens(picked), js,
                result.duplicates(), redactor.counts(), result.withoutText(), eligiblePairs);
    }

    /** JS distance between source and selection over one part of the stratum key (0: the length bin). */
    static double distance(Map<String, Long> source, Map<String, Long> picked, int part) {
        Map<String, long[]> byValue = new TreeMap<>();
        source.forEach((s, c) -> byValue.computeIfAbsent(s.split(String.valueOf(Strata.SEP), -1)[part],
                k -> new long[2])[0] += c);
        picked.forEach((s, c) -> byValue.computeIfAbsent(s.split(String.valueOf(Strata.SEP), -1)[part],
                k -> new long[2])[1] += c);
        long[] a = new long[byValue.size()];
        long[] b = new long[byValue.size()];
        int i = 0;
        for (long[] v : byValue.values()) {
            a[i] = v[0];
            b[i++] = v[1];
        }
        return Divergence.jensenShannon(a, b, 2);
    }

    static SelectReport.Tokens tokens(TreeMap<Long, Long> counts) {
        long n = counts.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return new SelectReport.Tokens(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        double sum = 0;
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            sum += (double) e.getKey() * e.getValue();
        }
        return new SelectReport.Tokens(n, sum / n, counts.firstKey(), Strata.quantile(counts, n, 0.10),
                Strata.quantile(counts, n, 0.50), Strata.quantile(counts, n, 0.90), Strata.quantile(counts, n, 0.99),
                counts.lastKey());
    }
}

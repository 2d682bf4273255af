package dev.mlops.selection;

import dev.mlops.analysis.Accumulator;
import dev.mlops.logs.LogRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pass one: how many eligible records of each group have each length. Exact, and bounded by the
 * number of distinct lengths, not of records; it gives the bin edges and every stratum's size.
 */
public final class LengthCounts implements java.io.Serializable, Accumulator<LengthCounts, Map<String, TreeMap<Long, Long>>> {
    private final Eligibility eligible;
    private final Strata groups;
    private final Map<String, Map<Long, Long>> counts = new HashMap<>();
    private long seen;

    /** @param groups strata used only for their length measure and group key (edges unknown yet) */
    public LengthCounts(Eligibility eligible, Strata groups) {
        this.eligible = eligible;
        this.groups = groups;
    }

    @Override
    public void accept(LogRecord r) {
        seen++;
        double l = groups.length(r);
        if (Double.isNaN(l) || !eligible.test(r)) {
            return;
        }
        counts.computeIfAbsent(groups.group(r), k -> new HashMap<>()).merge(Math.round(l), 1L, Long::sum);
    }

    /** Lengths and groups only: never the text. */
    @Override
    public java.util.Set<dev.mlops.logs.Field> reads() {
        return dev.mlops.analysis.Accumulator.allBut(dev.mlops.logs.Field.PROMPT, dev.mlops.logs.Field.RESPONSE, dev.mlops.logs.Field.USER, dev.mlops.logs.Field.ID, dev.mlops.logs.Field.ARM, dev.mlops.logs.Field.STAGE,
                dev.mlops.logs.Field.TIMESTAMP, dev.mlops.logs.Field.LATENCY_MS, dev.mlops.logs.Field.TTFT_MS, dev.mlops.logs.Field.COST_USD, dev.mlops.logs.Field.CACHED_INPUT_TOKENS);
    }

    @Override
    public void merge(LengthCounts o) {
        seen += o.seen;
        o.counts.forEach((g, m) -> {
            Map<Long, Long> mine = counts.computeIfAbsent(g, k -> new HashMap<>());
            m.forEach((l, c) -> mine.merge(l, c, Long::sum));
        });
    }

    public long seen() {
        return seen;
    }

    /** Group → length → count. */
    @Override
    public Map<String, TreeMap<Long, Long>> result() {
        return dev.mlops.analysis.Merge.sorted(counts);
    }

    /** All groups together. */
    public TreeMap<Long, Long> all() {
        TreeMap<Long, Long> all = new TreeMap<>();
        counts.values().forEach(m -> m.forEach((l, c) -> all.merge(l, c, Long::sum)));
        return all;
    }
}

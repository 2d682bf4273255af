package dev.mlops.analysis;

import dev.mlops.logs.FileReport;
import dev.mlops.logs.LogRecord;
import dev.mlops.registry.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The accumulator behind {@code mlops analyze}: filters records, groups them by the --by
 * fields and keeps a {@link UsageAccumulator} per group.
 */
public final class UsageAnalysis implements java.io.Serializable, Accumulator<UsageAnalysis, List<GroupUsage>> {
    /** The label of a group whose record lacks the field. */
    public static final String MISSING = GroupKey.MISSING;

    private final List<String> groupBy;
    private final RecordFilter filter;
    private final PriceBook prices;
    private final int exactLimit;
    private final boolean timeline;
    private final Map<GroupKey, UsageAccumulator> groups = new HashMap<>();
    private final GroupKey.Interner keys;
    private long matched;

    public UsageAnalysis(List<String> groupBy, RecordFilter filter, PriceBook prices, int exactLimit) {
        this(groupBy, filter, prices, exactLimit, false);
    }

    /** @param timeline also count each group's traffic per time window (for the HTML report's time series) */
    public UsageAnalysis(List<String> groupBy, RecordFilter filter, PriceBook prices, int exactLimit, boolean timeline) {
        this.timeline = timeline;
        this.groupBy = List.copyOf(groupBy);
        this.filter = filter;
        this.prices = prices;
        this.exactLimit = exactLimit;
        this.keys = new GroupKey.Interner(this.groupBy);
    }

    @Override
    public void accept(LogRecord r) {
        if (!filter.test(r)) {
            return;
        }
        matched++;
        GroupKey k = keys.of(r);
        UsageAccumulator acc = groups.get(k);
        if (acc == null) {
            acc = new UsageAccumulator(keyMap(k), exactLimit, timeline);
            groups.put(k, acc);
        }
        Model m = prices.model(r);
        acc.accept(r, m, Double.isNaN(r.costUsd()) ? prices.cost(r, m) : Double.NaN);
    }

    private Map<String, String> keyMap(GroupKey k) {
        return k.fields(groupBy);
    }

    /** Never the text, the user, the arm, the stage or feedback. */
    @Override
    public java.util.Set<dev.mlops.logs.Field> reads() {
        return java.util.EnumSet.of(dev.mlops.logs.Field.TIMESTAMP, dev.mlops.logs.Field.MODEL,
                dev.mlops.logs.Field.VERSION, dev.mlops.logs.Field.INPUT_TOKENS, dev.mlops.logs.Field.OUTPUT_TOKENS,
                dev.mlops.logs.Field.CACHED_INPUT_TOKENS, dev.mlops.logs.Field.LATENCY_MS, dev.mlops.logs.Field.TTFT_MS,
                dev.mlops.logs.Field.STATUS, dev.mlops.logs.Field.ERROR_TYPE, dev.mlops.logs.Field.FINISH_REASON,
                dev.mlops.logs.Field.COST_USD, dev.mlops.logs.Field.ATTRIBUTE);
    }

    @Override
    public void merge(UsageAnalysis o) {
        matched += o.matched;
        o.groups.forEach((k, v) -> {
            UsageAccumulator mine = groups.get(k);
            if (mine == null) {
                mine = new UsageAccumulator(keyMap(k), exactLimit, timeline);
                groups.put(k, mine);
            }
            mine.merge(v);
        });
    }

    public long matched() {
        return matched;
    }

    /** Groups sorted by key. */
    @Override
    public List<GroupUsage> result() {
        List<GroupUsage> out = new ArrayList<>();
        new TreeMap<>(groups).values().forEach(a -> out.add(a.result()));
        return out;
    }

    /** Usage over every matched record. */
    public GroupUsage overall() {
        UsageAccumulator all = new UsageAccumulator(Map.of(), exactLimit, timeline);
        new TreeMap<>(groups).values().forEach(all::merge);
        return all.result();
    }

    public AnalyzeReport report(List<FileReport> inputs, List<String> filters) {
        return new AnalyzeReport(groupBy, filters, inputs, matched, exactLimit, overall(), result());
    }
}

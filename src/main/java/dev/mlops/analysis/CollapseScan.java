package dev.mlops.analysis;

import dev.mlops.logs.LogRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The accumulator behind {@code mlops collapse}: one {@link CollapseWindow} per group and time window. */
public final class CollapseScan implements java.io.Serializable, Accumulator<CollapseScan, Map<GroupKey, TreeMap<Long, CollapseWindow>>> {
    /** The window of a record (Long.MIN_VALUE: none); serializable, like the accumulator. */
    @FunctionalInterface
    public interface WindowOf extends java.util.function.ToLongFunction<LogRecord>, java.io.Serializable {
    }

    private final WindowOf windowOf;
    private final List<String> groupBy;
    private final RecordFilter filter;
    private final CollapseSettings settings;
    private final Map<GroupKey, Map<Long, CollapseWindow>> groups = new HashMap<>();
    private long untimed;

    /** @param windowOf the window index of a record, or Long.MIN_VALUE to leave it out */
    public CollapseScan(WindowOf windowOf, List<String> groupBy, RecordFilter filter,
                        CollapseSettings settings) {
        this.windowOf = windowOf;
        this.groupBy = List.copyOf(groupBy);
        this.filter = filter;
        this.settings = settings;
    }

    @Override
    public void accept(LogRecord r) {
        if (!filter.test(r)) {
            return;
        }
        long w = windowOf.applyAsLong(r);
        if (w == Long.MIN_VALUE) {
            untimed++;
            return;
        }
        groups.computeIfAbsent(GroupKey.of(r, groupBy), k -> new HashMap<>())
                .computeIfAbsent(w, k -> new CollapseWindow(settings.pairs(), settings.responses())).accept(r, settings);
    }

    @Override
    public java.util.Set<dev.mlops.logs.Field> reads() {
        return Accumulator.allBut(dev.mlops.logs.Field.ID, dev.mlops.logs.Field.USER, dev.mlops.logs.Field.ARM, dev.mlops.logs.Field.STAGE, dev.mlops.logs.Field.PROMPT);
    }

    @Override
    public void merge(CollapseScan o) {
        untimed += o.untimed;
        Merge.nested(groups, o.groups, CollapseWindow::merge);
    }

    public long untimed() {
        return untimed;
    }

    @Override
    public Map<GroupKey, TreeMap<Long, CollapseWindow>> result() {
        return Merge.sorted(groups);
    }

    public List<String> groupBy() {
        return groupBy;
    }
}

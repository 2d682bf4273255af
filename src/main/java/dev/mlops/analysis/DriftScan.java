package dev.mlops.analysis;

import dev.mlops.logs.LogRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The accumulator behind {@code mlops drift}: routes each record to its window (baseline,
 * current, or a rolling window) and its group, and keeps a {@link DriftWindow} for each.
 */
public final class DriftScan implements java.io.Serializable, Accumulator<DriftScan, TreeMap<Integer, TreeMap<GroupKey, DriftWindow>>> {
    /** The window of a record, or -1 to skip it; serializable, like the accumulator. */
    @FunctionalInterface
    public interface WindowOf extends java.util.function.ToIntFunction<LogRecord>, java.io.Serializable {
    }

    /** The window of a record, or -1 to skip it. */
    private final WindowOf windowOf;
    private final List<String> groupBy;
    private final RecordFilter filter;
    private final DriftSettings settings;
    private final Map<Integer, Map<GroupKey, DriftWindow>> windows = new HashMap<>();
    private final GroupKey.Interner keys;
    private long skipped;

    public DriftScan(WindowOf windowOf, List<String> groupBy, RecordFilter filter,
                     DriftSettings settings) {
        this.windowOf = windowOf;
        this.groupBy = List.copyOf(groupBy);
        this.filter = filter;
        this.settings = settings;
        this.keys = new GroupKey.Interner(this.groupBy);
    }

    @Override
    public void accept(LogRecord r) {
        if (!filter.test(r)) {
            return;
        }
        int w = windowOf.applyAsInt(r);
        if (w < 0) {
            skipped++;
            return;
        }
        windows.computeIfAbsent(w, k -> new HashMap<>()).computeIfAbsent(key(r), k -> settings.newWindow())
                .accept(r, settings.terms(), settings.textOfResponse());
    }

    private GroupKey key(LogRecord r) {
        return keys.of(r);
    }

    /** The terms' text only when counted: the prompt's, or with --text response the response's. */
    @Override
    public java.util.Set<dev.mlops.logs.Field> reads() {
        java.util.Set<dev.mlops.logs.Field> s = Accumulator.allBut(dev.mlops.logs.Field.ID, dev.mlops.logs.Field.USER, dev.mlops.logs.Field.ARM, dev.mlops.logs.Field.STAGE, dev.mlops.logs.Field.FEEDBACK, dev.mlops.logs.Field.PROMPT,
                dev.mlops.logs.Field.RESPONSE);
        if (settings.terms() != null) {
            s.add(settings.textOfResponse() ? dev.mlops.logs.Field.RESPONSE : dev.mlops.logs.Field.PROMPT);
        }
        return s;
    }

    @Override
    public void merge(DriftScan o) {
        skipped += o.skipped;
        Merge.nested(windows, o.windows, DriftWindow::merge);
    }

    /** Records that fell in no window (for example, without a timestamp when cutting by time). */
    public long skipped() {
        return skipped;
    }

    /** Window index to group key to window, both sorted. */
    @Override
    public TreeMap<Integer, TreeMap<GroupKey, DriftWindow>> result() {
        return Merge.sorted(windows);
    }

    /** The group key's values, for reports. */
    public Map<String, String> keyOf(GroupKey key) {
        return key.fields(groupBy);
    }
}

package dev.mlops.analysis;

import dev.mlops.logs.FileReport;
import dev.mlops.logs.LogRecord;
import java.util.List;

/**
 * Usage grouped by version, and the records without a version by model too, in one pass: when no
 * record names a version (a provider's batch output, a trace export), the report is grouped by model
 * instead. Used when --by is not given.
 */
public final class DefaultGrouping implements java.io.Serializable, Accumulator<DefaultGrouping, List<GroupUsage>> {
    private final UsageAnalysis byVersion;
    private final UsageAnalysis byModel;
    private final RecordFilter filter;
    /** Whether a matched record names a version; whether one without a version names a model. */
    private boolean anyVersion;
    private boolean anyModel;

    public DefaultGrouping(RecordFilter filter, PriceBook prices, int exactLimit) {
        this(filter, prices, exactLimit, false);
    }

    /** @param timeline also count each group's traffic per time window */
    public DefaultGrouping(RecordFilter filter, PriceBook prices, int exactLimit, boolean timeline) {
        this.filter = filter;
        this.byVersion = new UsageAnalysis(List.of("version"), filter, prices, exactLimit, timeline);
        this.byModel = new UsageAnalysis(List.of("model"), filter, prices, exactLimit, timeline);
    }

    /** Only records without a version are grouped by model too: a log that names versions pays one null check. */
    @Override
    public void accept(LogRecord r) {
        byVersion.accept(r);
        if (r.version() == null) {
            byModel.accept(r);
            anyModel |= r.model() != null && filter.test(r);
        } else if (!anyVersion) {
            anyVersion = filter.test(r);
        }
    }

    @Override
    public void merge(DefaultGrouping o) {
        byVersion.merge(o.byVersion);
        byModel.merge(o.byModel);
        anyVersion |= o.anyVersion;
        anyModel |= o.anyModel;
    }

    @Override
    public java.util.Set<dev.mlops.logs.Field> reads() {
        return byVersion.reads();
    }

    /** Whether no matched record names a version and some matched record names a model. */
    public boolean byModel() {
        return !anyVersion && anyModel;
    }

    @Override
    public List<GroupUsage> result() {
        return (byModel() ? byModel : byVersion).result();
    }

    public AnalyzeReport report(List<FileReport> inputs, List<String> filters) {
        return (byModel() ? byModel : byVersion).report(inputs, filters);
    }
}

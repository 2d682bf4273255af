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

    public DefaultGrouping(RecordFilter filter, PriceBook prices, int exactLimit) {
        this.byVersion = new UsageAnalysis(List.of("version"), filter, prices, exactLimit);
        this.byModel = new UsageAnalysis(List.of("model"), filter, prices, exactLimit);
    }

    /** Only records without a version are grouped by model too: a log that names versions pays one null check. */
    @Override
    public void accept(LogRecord r) {
        byVersion.accept(r);
        if (r.version() == null) {
            byModel.accept(r);
        }
    }

    @Override
    public void merge(DefaultGrouping o) {
        byVersion.merge(o.byVersion);
        byModel.merge(o.byModel);
    }

    @Override
    public java.util.Set<dev.mlops.logs.Field> reads() {
        return byVersion.reads();
    }

    /** Whether no record names a version and some record names a model. */
    public boolean byModel() {
        List<GroupUsage> v = byVersion.result();
        return v.size() == 1 && GroupKey.MISSING.equals(v.get(0).key().get("version"))
                && byModel.result().stream().anyMatch(g -> !GroupKey.MISSING.equals(g.key().get("model")));
    }

    @Override
    public List<GroupUsage> result() {
        return (byModel() ? byModel : byVersion).result();
    }

    public AnalyzeReport report(List<FileReport> inputs, List<String> filters) {
        return (byModel() ? byModel : byVersion).report(inputs, filters);
    }
}

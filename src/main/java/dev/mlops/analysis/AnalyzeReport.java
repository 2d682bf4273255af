package dev.mlops.analysis;

import dev.mlops.logs.FileReport;
import java.util.List;

/**
 * The result of {@code mlops analyze}: usage per group and over all matched records.
 *
 * @param groupBy     the --by fields
 * @param filters     the --where expressions and time range, as given
 * @param inputs      what was read from each input
 * @param matched     records that passed the filters
 * @param exactLimit  values per group kept for exact quantiles
 * @param overall     usage over all matched records
 * @param groups      usage per group, sorted by key
 */
public record AnalyzeReport(List<String> groupBy, List<String> filters, List<FileReport> inputs, long matched,
                            int exactLimit, GroupUsage overall, List<GroupUsage> groups) {
    public static final String SCHEMA = "mlops.analyze/v1";

    public AnalyzeReport {
        groupBy = List.copyOf(groupBy);
        filters = List.copyOf(filters);
        inputs = List.copyOf(inputs);
        groups = List.copyOf(groups);
    }

    public long read() {
        return inputs.stream().mapToLong(FileReport::records).sum();
    }

    public long bad() {
        return inputs.stream().mapToLong(FileReport::bad).sum();
    }

    public boolean sloMissed() {
        return groups.stream().anyMatch(g -> g.slo() != null && g.slo().missed());
    }
}

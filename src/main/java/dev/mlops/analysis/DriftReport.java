package dev.mlops.analysis;

import dev.mlops.logs.FileReport;
import java.util.List;

/**
 * The result of {@code mlops drift}.
 *
 * @param mode     "windows" (baseline against current) or "timeline" (each window against the baseline)
 * @param groupBy  the --by fields
 * @param rules    the rules applied
 * @param baseline what was read for the baseline
 * @param current  what was read for the current window(s) (the same files when cutting one log by time)
 * @param groups   one comparison per group (and window)
 */
public record DriftReport(String mode, List<String> groupBy, DriftRules rules, List<FileReport> baseline,
                          List<FileReport> current, List<GroupDrift> groups) {
    public static final String SCHEMA = "mlops.drift/v1";

    public DriftReport {
        groupBy = List.copyOf(groupBy);
        baseline = List.copyOf(baseline);
        current = List.copyOf(current);
        groups = List.copyOf(groups);
    }

    public boolean drifted() {
        return groups.stream().anyMatch(GroupDrift::drifted);
    }

    public int featuresDrifted() {
        return groups.stream().mapToInt(GroupDrift::featuresDrifted).max().orElse(0);
    }

    public double maxPsi() {
        return groups.stream().mapToDouble(GroupDrift::maxPsi).filter(x -> !Double.isNaN(x)).max().orElse(Double.NaN);
    }
}

package dev.mlops.cli;

import dev.mlops.experiment.AbAnalysis;
import dev.mlops.experiment.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of {@code mlops abtest}: arms, units, metrics, segments, the pre-period and the tests. */
final class AbtestOptions {
    @Option(names = "--arm", paramLabel = "FIELD", description = "The field that names a request's arm (default: its arm, "
            + "else its version).")
    String arm;

    @Option(names = "--control", paramLabel = "ARM", description = "The baseline arm (default: the first by name, said "
            + "in the report).")
    String control;

    @Option(names = "--unit", paramLabel = "FIELD", defaultValue = "user",
            description = "The randomisation unit: any field or column, e.g. userid (default: ${DEFAULT-VALUE}).")
    String unit;

    @Option(names = "--metric", paramLabel = "SPEC", description = "A metric: requests, error_rate, latency_ms, ttft_ms, "
            + "input_tokens, output_tokens, cost_usd, thumbs_up, truncation_rate, or FIELD[:mean|:sum|:any|:rate]. "
            + "Repeatable (default: error_rate, latency_ms and thumbs_up, those that the units carry).")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--segment-by", paramLabel = "FIELD", description = "Every metric per segment (the 20 with the most "
            + "units; the rest as (other)).")
    String segmentBy;

    @Option(names = "--pre", arity = "1..*", paramLabel = "LOG", description = "Logs of a pre-experiment period: CUPED "
            + "adjusts each unit's metric by its value there.")
    List<String> pre = new ArrayList<>();

    @Option(names = "--sequential", description = "Always-valid p-values and intervals (confidence sequences): look "
            + "as often as you like; the fixed-horizon p-value is reported beside.")
    boolean sequential;

    @Option(names = "--n-star", paramLabel = "N", defaultValue = "5000",
            description = "With --sequential: the units at which the sequences are tightest (default: ${DEFAULT-VALUE}).")
    double nStar;

    @Mixin
    AlphaOption alpha;

    @Option(names = "--correction", paramLabel = "HOW", defaultValue = "bh",
            description = "bh (Benjamini-Hochberg), holm or none, over each family of tests (default: ${DEFAULT-VALUE}).")
    String correction;

    @Option(names = "--split", paramLabel = "ARM:W,...", description = "The expected split for the sample-ratio test, "
            + "e.g. a:50,b:50 (default: equal).")
    String split;

    @Option(names = "--max-segments", paramLabel = "N", defaultValue = "20",
            description = "Segments kept, by units; the rest are merged into (other) (default: ${DEFAULT-VALUE}).")
    int maxSegments;

    @Option(names = "--lower-is-better", split = ",", paramLabel = "METRIC",
            description = "FIELD metrics for which lower is better (built-ins know their direction).")
    List<String> lowerBetter = new ArrayList<>();

    @Option(names = "--fail-on-srm", description = "Exit 1 when the sample-ratio test flags a mismatch.")
    boolean failOnSrm;

    @Option(names = "--fail-on-loss", paramLabel = "METRIC", description = "Exit 1 when an arm is significantly worse "
            + "than the control on METRIC. Repeatable.")
    List<String> failOnLoss = new ArrayList<>();

    Set<String> lowerIsBetter() {
        return new LinkedHashSet<>(lowerBetter);
    }

    /** Whether the metrics are the defaults, of which only those the units carry are compared. */
    boolean defaultMetrics() {
        return metrics.isEmpty();
    }

    List<Metric> metrics(CommandSpec spec) {
        List<Metric> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String m : metrics.isEmpty() ? Metric.DEFAULTS : metrics) {
            try {
                Metric parsed = Metric.parse(m, lowerIsBetter());
                if (seen.add(parsed.name())) {
                    out.add(parsed);
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--metric " + e.getMessage());
            }
        }
        for (String m : failOnLoss) {
            try {
                if (!seen.contains(Metric.parse(m, lowerIsBetter()).name())) {
                    throw new ParameterException(spec.commandLine(), "--fail-on-loss " + m + ": not one of the metrics "
                            + "compared (" + String.join(", ", seen) + ")");
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--fail-on-loss " + e.getMessage());
            }
        }
        return out;
    }

    /** The fields the metrics, the arm, the unit and the segments read by name. */
    List<String> fields() {
        List<String> out = new ArrayList<>();
        if (arm != null) {
            out.add(arm);
        }
        out.add(unit);
        if (segmentBy != null) {
            out.add(segmentBy);
        }
        for (String m : metrics) {
            try {
                Metric parsed = Metric.parse(m, Set.of());
                if (parsed.field() != null) {
                    out.add(parsed.field());
                }
            } catch (IllegalArgumentException e) {
                // reported by metrics()
            }
        }
        return out;
    }

    AbAnalysis.Options options(CommandSpec spec) {
        String how = correction.toLowerCase(Locale.ROOT);
        if (!List.of("bh", "holm", "none").contains(how)) {
            throw new ParameterException(spec.commandLine(), "--correction " + correction + ": expected bh, holm or none");
        }
        if (!(nStar > 0)) {
            throw new ParameterException(spec.commandLine(), "--n-star must be positive");
        }
        if (maxSegments < 1) {
            throw new ParameterException(spec.commandLine(), "--max-segments must be at least 1");
        }
        return new AbAnalysis.Options(control, alpha.validated(spec), how, sequential, nStar, parseSplit(spec, split), maxSegments,
                defaultMetrics());
    }

    /** ARM:WEIGHT,... as weights by arm. */
    static Map<String, Double> parseSplit(CommandSpec spec, String split) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (split == null) {
            return out;
        }
        for (String part : split.split(",")) {
            int colon = part.lastIndexOf(':');
            double w;
            try {
                w = colon <= 0 ? Double.NaN : Double.parseDouble(part.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                w = Double.NaN;
            }
            if (!(w > 0) || out.put(part.substring(0, colon).trim(), w) != null) {
                throw new ParameterException(spec.commandLine(), "--split " + split + ": expected ARM:WEIGHT,... with "
                        + "each arm once and positive weights, e.g. a:50,b:50");
            }
        }
        return out;
    }
}

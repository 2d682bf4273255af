package dev.mlops.cli;

import dev.mlops.analysis.EvalResults;
import dev.mlops.analysis.HealthAnalysis;
import dev.mlops.analysis.HealthReport;
import dev.mlops.analysis.HealthScan;
import dev.mlops.logs.Field;
import dev.mlops.logs.LogScan;
import dev.mlops.logs.Mapping;
import dev.mlops.logs.ReadOptions;
import dev.mlops.report.HealthRender;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops health}: data quality, infrastructure and forgetting, with a severity for every finding. */
@Command(name = "health", sortOptions = false,
        description = {"Is a version degrading? One report per version in three sections: data quality (missing and "
                + "invalid fields, duplicate ids, timestamps out of order, in the future or with gaps, empty or "
                + "non-UTF-8 text, zero latencies), infrastructure (error rate by type, timeouts, truncation, empty "
                + "responses, change points in p95 latency and error rate) and, with two canary eval files, "
                + "forgetting (items paired by id, exact McNemar and Wilcoxon signed-rank per category, "
                + "Benjamini-Hochberg)."})
final class HealthCommand implements Callable<Integer> {
    private final Env env;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "LOG", description = "Inference logs.")
    List<String> logs = new ArrayList<>();

    @Option(names = "--eval-baseline", paramLabel = "FILE", description = "Canary eval results of the baseline "
            + "version (JSONL: item, version, passed and/or score, category).")
    Path evalBaseline;

    @Option(names = "--eval-current", paramLabel = "FILE", description = "Canary eval results of the current version.")
    Path evalCurrent;

    @Option(names = "--by", split = ",", paramLabel = "FIELD", defaultValue = "version",
            description = "One report per group (default: ${DEFAULT-VALUE}).")
    List<String> by;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "1h",
            description = "Windows for change points (default: ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--max-gap", paramLabel = "DURATION", defaultValue = "1h",
            description = "Report stretches with no traffic at least this long (default: ${DEFAULT-VALUE}).")
    String maxGap;

    @Option(names = "--fail-on", paramLabel = "LEVEL", completionCandidates = Candidates.Severities.class, description = "Exit 1 on a finding of this severity or "
            + "worse: warning or critical.")
    String failOn;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    HealthCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (logs.isEmpty() && evalBaseline == null) {
            throw new ParameterException(spec.commandLine(), "give LOG... and/or --eval-baseline FILE --eval-current FILE");
        }
        if ((evalBaseline == null) != (evalCurrent == null)) {
            throw new ParameterException(spec.commandLine(), "--eval-baseline and --eval-current go together");
        }
        HealthReport.Severity threshold = null;
        if (failOn != null) {
            switch (failOn.toLowerCase(Locale.ROOT)) {
                case "warning": threshold = HealthReport.Severity.WARNING; break;
                case "critical": threshold = HealthReport.Severity.CRITICAL; break;
                default: throw new ParameterException(spec.commandLine(), "--fail-on " + failOn
                        + ": expected warning or critical");
            }
        }
        long windowSeconds;
        long gapSeconds;
        try {
            windowSeconds = Windows.parse("--window", window).getSeconds();
            gapSeconds = Windows.parse("--max-gap", maxGap).getSeconds();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        HealthReport.Forgetting forgetting = evalBaseline == null ? null : HealthAnalysis.forgetting(
                EvalResults.load(evalBaseline, env.display(evalBaseline)),
                EvalResults.load(evalCurrent, env.display(evalCurrent)));
        HealthScan scan = new HealthScan(by, windowSeconds, gapSeconds, env.clock().instant());
        List<dev.mlops.logs.FileReport> files = List.of();
        if (!logs.isEmpty()) {
            List<String> fields = new ArrayList<>(by);
            input.name(spec, "--by", by).groupBy(by);
            ReadOptions options = input.readOptions(env, fields, Mapping.unreferenced(fields, Field.USER, Field.ARM,
                    Field.FEEDBACK));
            List<dev.mlops.logs.LogInput> inputs = input.inputs(logs, env);
            LogScan.Result<HealthScan> r = LogScan.run(inputs, options,
                    () -> new HealthScan(by, windowSeconds, gapSeconds, env.clock().instant()), HealthScan::merge);
            input.check(spec.commandLine().getErr(), r, inputs);
            scan = r.sink();
            files = r.files();
        }
        HealthReport report = HealthAnalysis.analyze(scan, files, forgetting);
        output.emit(HealthRender.render(report, output.format, VersionProvider.version()), spec.commandLine().getOut());
        return threshold != null && report.atLeast(threshold) ? ExitCode.CHECK_FAILED.code() : ExitCode.OK.code();
    }
}

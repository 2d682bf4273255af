package dev.mlops.cli;

import dev.mlops.analysis.EvalResults;
import dev.mlops.analysis.HealthAnalysis;
import dev.mlops.analysis.HealthReport;
import dev.mlops.analysis.HealthScan;
import dev.mlops.logs.Field;
import dev.mlops.logs.LogScan;
import dev.mlops.logs.Mapping;
import dev.mlops.logs.ReadOptions;
import dev.mlops.analysis.Query;
import dev.mlops.report.HealthRender;
import dev.mlops.report.Renderer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mlops health}: data quality, infrastructure and forgetting, with a severity for every finding. */
@Command(name = "health", sortOptions = false,
        description = {"Is a version degrading? One report per version in three sections: data quality (missing and "
                + "invalid fields, duplicate ids, timestamps out of order, in the future or with gaps, empty or "
                + "non-UTF-8 text, zero latencies), infrastructure (error rate by type, timeouts, truncation, empty "
                + "responses, change points in p95 latency and error rate) and, with two canary eval files, "
                + "forgetting (items paired by id, exact McNemar and Wilcoxon signed-rank per category, "
                + "Benjamini-Hochberg)."})
final class HealthCommand extends ReportCommand<HealthReport> {
    @picocli.CommandLine.Mixin
    QueryOptions.Window window;

    @Parameters(arity = "0..*", paramLabel = "LOG", description = "Inference logs.")
    List<String> logs = new ArrayList<>();

    @Option(names = "--eval-baseline", paramLabel = "FILE", description = "Canary eval results of the baseline "
            + "version (JSONL: item, version, passed and/or score, category).")
    Path evalBaseline;

    @Option(names = "--eval-current", paramLabel = "FILE", description = "Canary eval results of the current version.")
    Path evalCurrent;

    @Option(names = "--max-gap", paramLabel = "DURATION", defaultValue = "1h",
            description = "Report stretches with no traffic at least this long (default: ${DEFAULT-VALUE}).")
    String maxGap;

    @Option(names = "--fail-on", paramLabel = "LEVEL", completionCandidates = Candidates.Severities.class,
            description = "Exit 1 on a finding of this severity or worse: warning or critical.")
    String failOn;

    private HealthReport.Severity threshold;
    private long gapSeconds;

    HealthCommand(Env env) {
        super(env);
    }

    @Override
    protected Query validate() {
        if (logs.isEmpty() && evalBaseline == null) {
            throw usage("give LOG... and/or --eval-baseline FILE --eval-current FILE");
        }
        if ((evalBaseline == null) != (evalCurrent == null)) {
            throw usage("--eval-baseline and --eval-current go together");
        }
        if (failOn != null) {
            switch (failOn.toLowerCase(Locale.ROOT)) {
                case "warning" -> threshold = HealthReport.Severity.WARNING;
                case "critical" -> threshold = HealthReport.Severity.CRITICAL;
                default -> throw usage("--fail-on " + failOn + ": expected warning or critical");
            }
        }
        try {
            gapSeconds = Windows.parse("--max-gap", maxGap).getSeconds();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        return queryOptions.query(List.of("version"), window, "1h");
    }

    @Override
    protected HealthReport run(Query q) {
        long windowSeconds = q.window().getSeconds();
        HealthReport.Forgetting forgetting = evalBaseline == null ? null : HealthAnalysis.forgetting(
                EvalResults.load(evalBaseline, env.display(evalBaseline)),
                EvalResults.load(evalCurrent, env.display(evalCurrent)));
        HealthScan scan = new HealthScan(q.by(), q.filter(), windowSeconds, gapSeconds, env.clock().instant());
        List<dev.mlops.logs.FileReport> files = List.of();
        if (!logs.isEmpty()) {
            List<String> fields = q.fields();
            input.name(spec, "--by", q.by()).name(spec, "--where", q.filter().fields()).groupBy(q.by());
            ReadOptions options = input.readOptions(env, fields, scan.reads());
            List<dev.mlops.logs.LogInput> inputs = input.inputs(logs, env);
            LogScan.Result<HealthScan> r = runner().run(inputs, options, () -> new HealthScan(q.by(), q.filter(),
                    windowSeconds, gapSeconds, env.clock().instant()), HealthScan::merge);
            input.check(err(), r, inputs);
            scan = r.sink();
            files = r.files();
        }
        return HealthAnalysis.analyze(scan, files, forgetting);
    }

    @Override
    protected Renderers<HealthReport> renderers() {
        return new Renderers<>(HealthRender.renderer(VersionProvider.version()), r -> dev.mlops.report.html.HealthHtml.render(r, VersionProvider.version()));
    }

    @Override
    protected ExitCode verdict(HealthReport report) {
        return threshold != null && report.atLeast(threshold) ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }
}

package dev.mlops.cli;

import dev.mlops.analysis.AnalyzeReport;
import dev.mlops.analysis.DefaultGrouping;
import dev.mlops.analysis.GroupUsage;
import dev.mlops.analysis.PriceBook;
import dev.mlops.analysis.Query;
import dev.mlops.analysis.SloCheck;
import dev.mlops.analysis.UsageAnalysis;
import dev.mlops.logs.Field;
import dev.mlops.logs.LogScan;
import dev.mlops.logs.Mapping;
import dev.mlops.logs.ReadOptions;
import dev.mlops.registry.Registry;
import dev.mlops.report.AnalyzeRender;
import dev.mlops.report.Fmt;
import dev.mlops.report.Renderer;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mlops analyze}: latency, token, throughput and cost distributions per group, with SLO checks. */
@Command(name = "analyze", sortOptions = false,
        description = {"Latency, TTFT, token usage, throughput, errors, truncation and cost per version "
                + "(or any other field), with log-scaled histograms and SLO checks.",
                "",
                "Percentiles are exact (numpy's linear definition) while a group holds at most --exact-limit "
                        + "values, and come from a DDSketch with 1%% relative error past that. Distributions "
                        + "are over successful requests; errors count in the error rate."})
final class AnalyzeCommand extends ReportCommand<AnalyzeReport> {
    @Parameters(arity = "1..*", paramLabel = "LOG", description = "Log files (JSONL, JSON array or CSV; plain, "
            + "gzip or zstd); - reads standard input.")
    List<String> logs;

    @Option(names = "--histograms", description = "Draw the histograms of every group, not only of all records.")
    boolean histograms;

    @Option(names = "--fail-on-slo", description = "Exit 1 when a group misses an SLO of its registry model.")
    boolean failOnSlo;

    @Option(names = "--exact-limit", paramLabel = "N", defaultValue = "100000",
            description = "Values per group kept for exact percentiles (default: ${DEFAULT-VALUE}).")
    int exactLimit;

    @Mixin
    RegistryOption registry;

    private Optional<Registry> reg;

    AnalyzeCommand(Env env) {
        super(env);
    }

    @Override
    protected Query validate() {
        if (exactLimit < 0) {
            throw usage("--exact-limit must not be negative");
        }
        Query q = queryOptions.query(List.of("version"), null, null);
        reg = registry.load(env);
        if (failOnSlo && reg.isEmpty()) {
            throw usage("--fail-on-slo needs a registry with SLOs (--registry FILE)");
        }
        return q;
    }

    @Override
    protected AnalyzeReport run(Query q) {
        List<String> fields = q.fields();
        input.name(spec, "--by", q.by()).name(spec, "--where", q.filter().fields()).groupBy(q.by());
        PriceBook prices = PriceBook.of(reg);
        ReadOptions options = input.readOptions(env, fields,
                new UsageAnalysis(q.by(), q.filter(), prices, exactLimit).reads());
        List<dev.mlops.logs.LogInput> inputs = input.inputs(logs, env);
        boolean timeline = htmlOption.file != null;   // the time series are drawn, never printed
        if (queryOptions.by != null) {
            LogScan.Result<UsageAnalysis> scan = runner().run(inputs, options,
                    () -> new UsageAnalysis(q.by(), q.filter(), prices, exactLimit, timeline), UsageAnalysis::merge);
            input.check(err(), scan, inputs);
            return scan.sink().report(scan.files(), q.filter().describe());
        }
        // no --by: by version, or by model when no record names a version (one pass for both)
        LogScan.Result<DefaultGrouping> scan = runner().run(inputs, options,
                () -> new DefaultGrouping(q.filter(), prices, exactLimit, timeline), DefaultGrouping::merge);
        input.check(err(), scan, inputs);
        if (scan.sink().byModel()) {
            err().println("mlops: no record has a version; grouped by model (give --by to choose)");
        }
        return scan.sink().report(scan.files(), q.filter().describe());
    }

    @Override
    protected Renderers<AnalyzeReport> renderers() {
        return new Renderers<>(AnalyzeRender.renderer(VersionProvider.version(), histograms), r -> dev.mlops.report.html.AnalyzeHtml.render(r, VersionProvider.version()));
    }

    @Override
    protected ExitCode verdict(AnalyzeReport report) {
        if (!report.sloMissed()) {
            return ExitCode.OK;
        }
        for (GroupUsage g : report.groups()) {
            if (g.slo() != null) {
                for (SloCheck c : g.slo().checks()) {
                    if (c.missed()) {
                        err().printf(java.util.Locale.ROOT, "mlops: SLO missed: %s %s is %s, limit %s%n", g.label(),
                                c.measure(), Fmt.num(c.value()), Fmt.num(c.limit()));
                    }
                }
            }
        }
        return failOnSlo ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }
}

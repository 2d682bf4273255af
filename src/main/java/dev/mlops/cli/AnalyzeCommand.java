package dev.mlops.cli;

import dev.mlops.analysis.AnalyzeReport;
import dev.mlops.analysis.GroupUsage;
import dev.mlops.analysis.PriceBook;
import dev.mlops.analysis.RecordFilter;
import dev.mlops.analysis.SloCheck;
import dev.mlops.analysis.UsageAnalysis;
import dev.mlops.logs.Field;
import dev.mlops.logs.LogScan;
import dev.mlops.logs.Mapping;
import dev.mlops.logs.ReadOptions;
import dev.mlops.logs.Timestamps;
import dev.mlops.registry.Registry;
import dev.mlops.report.AnalyzeRender;
import dev.mlops.report.Fmt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mlops analyze}: latency, token, throughput and cost distributions per group, with SLO checks. */
@Command(name = "analyze", sortOptions = false,
        description = {"Latency, TTFT, token usage, throughput, errors, truncation and cost per version "
                + "(or any other field), with log-scaled histograms and SLO checks.",
                "",
                "Percentiles are exact (numpy's linear definition) while a group holds at most --exact-limit "
                        + "values, and come from a DDSketch with 1%% relative error past that. Distributions "
                        + "are over successful requests; errors count in the error rate."})
final class AnalyzeCommand implements Callable<Integer> {
    private final Env env;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "Log files (JSONL, JSON array or CSV; plain, "
            + "gzip or zstd); - reads standard input.")
    List<String> logs;

    @Option(names = "--by", split = ",", paramLabel = "FIELD", defaultValue = "version",
            description = "Group by these fields or attributes (default: ${DEFAULT-VALUE}), e.g. version,segment.")
    List<String> by;

    @Option(names = "--where", paramLabel = "EXPR",
            description = "Keep records where EXPR holds: FIELD=V[,V...], FIELD!=V, FIELD>N, >=, <, <=. Repeatable.")
    List<String> where = new ArrayList<>();

    @Option(names = "--since", paramLabel = "TIME", description = "Keep records at or after TIME (ISO-8601, UTC if no zone).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Keep records before TIME.")
    String until;

    @Option(names = "--histograms", description = "Draw the histograms of every group, not only of all records.")
    boolean histograms;

    @Option(names = "--fail-on-slo", description = "Exit 1 when a group misses an SLO of its registry model.")
    boolean failOnSlo;

    @Option(names = "--exact-limit", paramLabel = "N", defaultValue = "100000",
            description = "Values per group kept for exact percentiles (default: ${DEFAULT-VALUE}).")
    int exactLimit;

    @Mixin
    RegistryOption registry;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    AnalyzeCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (exactLimit < 0) {
            throw new ParameterException(spec.commandLine(), "--exact-limit must not be negative");
        }
        RecordFilter filter = filter();
        Optional<Registry> reg = registry.load(env);
        if (failOnSlo && reg.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--fail-on-slo needs a registry with SLOs (--registry FILE)");
        }
        List<String> fields = new ArrayList<>(by);
        fields.addAll(filter.fields());
        input.name(spec, "--by", by).name(spec, "--where", filter.fields()).groupBy(by);
        ReadOptions options = input.readOptions(env, fields, Mapping.unreferenced(fields, Field.ID, Field.USER, Field.ARM,
                Field.SEGMENT, Field.STAGE, Field.FEEDBACK, Field.PROMPT, Field.RESPONSE));
        PriceBook prices = PriceBook.of(reg);
        List<dev.mlops.logs.LogInput> inputs = input.inputs(logs, env);
        LogScan.Result<UsageAnalysis> scan = LogScan.run(inputs, options,
                () -> new UsageAnalysis(by, filter, prices, exactLimit), UsageAnalysis::merge);
        input.check(spec.commandLine().getErr(), scan, inputs);
        AnalyzeReport report = scan.sink().report(scan.files(), describe(filter));
        output.emit(AnalyzeRender.renderer(VersionProvider.version(), histograms).render(report, output.format),
                spec.commandLine().getOut());
        if (report.sloMissed()) {
            for (GroupUsage g : report.groups()) {
                if (g.slo() != null) {
                    for (SloCheck c : g.slo().checks()) {
                        if (c.missed()) {
                            spec.commandLine().getErr().printf(java.util.Locale.ROOT,
                                    "mlops: SLO missed: %s %s is %s, limit %s%n", g.label(), c.measure(),
                                    Fmt.num(c.value()), Fmt.num(c.limit()));
                        }
                    }
                }
            }
            if (failOnSlo) {
                return ExitCode.CHECK_FAILED.code();
            }
        }
        return ExitCode.OK.code();
    }

    private RecordFilter filter() {
        try {
            return RecordFilter.of(where, time("--since", since), time("--until", until));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Instant time(String option, String value) {
        if (value == null) {
            return null;
        }
        String v = value.length() == 10 ? value + "T00:00:00Z" : value;
        Instant t = Timestamps.parse(v);
        if (t == null) {
            throw new ParameterException(spec.commandLine(), option + " " + value
                    + ": expected an ISO-8601 time such as 2026-11-01 or 2026-11-01T12:00:00Z");
        }
        return t;
    }

    private List<String> describe(RecordFilter f) {
        List<String> out = new ArrayList<>(f.expressions());
        if (f.since() != null) {
            out.add("since " + f.since());
        }
        if (f.until() != null) {
            out.add("until " + f.until());
        }
        return out;
    }
}

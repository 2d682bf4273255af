package dev.mlops.cli;

import dev.mlops.analysis.CollapseAnalysis;
import dev.mlops.analysis.CollapseReport;
import dev.mlops.analysis.CollapseScan;
import dev.mlops.analysis.CollapseSettings;
import dev.mlops.analysis.RecordFilter;
import dev.mlops.logs.Field;
import dev.mlops.logs.LogRecord;
import dev.mlops.logs.LogScan;
import dev.mlops.logs.Mapping;
import dev.mlops.logs.ReadOptions;
import dev.mlops.report.CollapseRender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops collapse}: is the model gaming its proxy metric while users grow less satisfied? */
@Command(name = "collapse", sortOptions = false,
        description = {"Look for reward collapse: the proxy metric the model was tuned on holds or rises while "
                + "what users want falls. Per version and time window it reports proxy and satisfaction means with "
                + "95%% intervals, their rank correlation, the clickbait rate, the median output length and the "
                + "diversity of responses, and tests five signals: divergence, decoupling, length exploitation, "
                + "diversity collapse and (with --against) a version comparison."})
final class CollapseCommand implements Callable<Integer> {
    private final Env env;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "Logs with feedback.")
    List<String> logs;

    @Option(names = "--proxy", paramLabel = "FIELD", defaultValue = CollapseSettings.DEFAULT_PROXY,
            description = "The metric the model was optimised for (default: ${DEFAULT-VALUE}).")
    String proxy;

    @Option(names = "--satisfaction", paramLabel = "FIELD", defaultValue = CollapseSettings.DEFAULT_SATISFACTION,
            description = "What users actually want (default: ${DEFAULT-VALUE}).")
    String satisfaction;

    @Option(names = "--proxy-above", paramLabel = "X", defaultValue = "0",
            description = "A request is proxy-positive above X (default: ${DEFAULT-VALUE}).")
    double proxyAbove;

    @Option(names = "--satisfied-above", paramLabel = "X", defaultValue = "0",
            description = "A user is satisfied above X, unsatisfied at or below (default: ${DEFAULT-VALUE}; "
                    + "use 3 for 1-5 ratings).")
    double satisfiedAbove;

    @Option(names = "--window", paramLabel = "DURATION", description = "Time windows (30m, 6h, 1d, 1w); default: "
            + "the whole span as one window.")
    String window;

    @Option(names = "--by", split = ",", paramLabel = "FIELD", defaultValue = "version",
            description = "Judge each group separately (default: ${DEFAULT-VALUE}).")
    List<String> by;

    @Option(names = "--against", paramLabel = "VERSION", description = "Compare every version with this one.")
    String against;

    @Option(names = "--where", paramLabel = "EXPR", description = "Keep records where EXPR holds (as in analyze).")
    List<String> where = new ArrayList<>();

    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.01",
            description = "Significance level of each trend test (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--min-window", paramLabel = "N", defaultValue = "100",
            description = "A window with fewer scored requests is insufficient data (default: ${DEFAULT-VALUE}).")
    long minWindow;

    @Option(names = "--fail-on-collapse", description = "Exit 1 when collapse is suspected.")
    boolean failOnCollapse;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    CollapseCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (!(alpha > 0 && alpha < 1) || minWindow < 1) {
            throw new ParameterException(spec.commandLine(), "--alpha must be between 0 and 1, --min-window positive");
        }
        if (against != null && !by.equals(List.of("version"))) {
            throw new ParameterException(spec.commandLine(), "--against compares versions: use it with --by version");
        }
        RecordFilter filter;
        try {
            filter = RecordFilter.of(where, null, null);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        long seconds;
        try {
            seconds = window == null ? 0 : Windows.parse("--window", window).getSeconds();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        CollapseSettings s = new CollapseSettings(proxy, satisfaction, proxyAbove, satisfiedAbove, alpha, minWindow,
                2000, 200);
        List<String> fields = new ArrayList<>(by);
        fields.addAll(filter.fields());
        fields.add(proxy);
        fields.add(satisfaction);
        input.name(spec, "--by", by).name(spec, "--where", filter.fields()).name(spec, "--proxy", List.of(proxy))
                .name(spec, "--satisfaction", List.of(satisfaction)).groupBy(by);
        ReadOptions options = input.readOptions(env, fields, Mapping.unreferenced(fields, Field.ID, Field.USER,
                Field.ARM, Field.STAGE, Field.PROMPT));
        ToLongFunction<LogRecord> windowOf = seconds == 0 ? r -> 0
                : r -> r.timestamp() == null ? Long.MIN_VALUE : Math.floorDiv(r.timestamp().getEpochSecond(), seconds);
        LongFunction<String> label = seconds == 0 ? w -> "all" : w -> Instant.ofEpochSecond(w * seconds).toString();
        List<dev.mlops.logs.LogInput> inputs = input.inputs(logs, env);
        LogScan.Result<CollapseScan> scan = LogScan.run(inputs, options,
                () -> new CollapseScan(windowOf, by, filter, s), CollapseScan::merge);
        input.check(spec.commandLine().getErr(), scan, inputs);
        if (scan.sink().untimed() > 0) {
            spec.commandLine().getErr().printf("mlops: %,d records without a timestamp were left out of the windows%n",
                    scan.sink().untimed());
        }
        CollapseReport report = CollapseAnalysis.analyze(scan.sink(), s, label, against);
        if (report.groups().isEmpty()) {
            throw new MlopsException(ExitCode.BAD_INPUT, "no records to judge");
        }
        if (against != null && report.groups().stream().noneMatch(g -> against.equals(g.key().get("version")))) {
            throw new MlopsException(ExitCode.BAD_INPUT, "--against " + against + ": no records of that version");
        }
        output.emit(CollapseRender.render(report, output.format, VersionProvider.version()), spec.commandLine().getOut());
        return report.suspected() && failOnCollapse ? ExitCode.CHECK_FAILED.code() : ExitCode.OK.code();
    }

}

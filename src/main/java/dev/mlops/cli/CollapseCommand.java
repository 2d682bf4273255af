package dev.mlops.cli;

import dev.mlops.analysis.CollapseAnalysis;
import dev.mlops.analysis.CollapseReport;
import dev.mlops.analysis.CollapseScan;
import dev.mlops.analysis.CollapseSettings;
import dev.mlops.analysis.Query;
import dev.mlops.logs.Field;
import dev.mlops.logs.LogRecord;
import dev.mlops.logs.LogScan;
import dev.mlops.logs.Mapping;
import dev.mlops.logs.ReadOptions;
import dev.mlops.report.CollapseRender;
import dev.mlops.report.Renderer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mlops collapse}: is the model gaming its proxy metric while users grow less satisfied? */
@Command(name = "collapse", sortOptions = false,
        description = {"Look for reward collapse: the proxy metric the model was tuned on holds or rises while "
                + "what users want falls. Per version and time window it reports proxy and satisfaction means with "
                + "95%% intervals, their rank correlation, the clickbait rate, the median output length and the "
                + "diversity of responses, and tests five signals: divergence, decoupling, length exploitation, "
                + "diversity collapse and (with --against) a version comparison."})
final class CollapseCommand extends ReportCommand<CollapseReport> {
    @picocli.CommandLine.Mixin
    QueryOptions.Window window;

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

    @Option(names = "--against", paramLabel = "VERSION", description = "Compare every version with this one.")
    String against;

    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.01",
            description = "Significance level of each trend test (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--min-window", paramLabel = "N", defaultValue = "100",
            description = "A window with fewer scored requests is insufficient data (default: ${DEFAULT-VALUE}).")
    long minWindow;

    @Option(names = "--fail-on-collapse", description = "Exit 1 when collapse is suspected.")
    boolean failOnCollapse;

    CollapseCommand(Env env) {
        super(env);
    }

    @Override
    protected Query validate() {
        if (!(alpha > 0 && alpha < 1) || minWindow < 1) {
            throw usage("--alpha must be between 0 and 1, --min-window positive");
        }
        Query q = queryOptions.query(List.of("version"), window, null);
        if (against != null && !q.by().equals(List.of("version"))) {
            throw usage("--against compares versions: use it with --by version");
        }
        return q;
    }

    @Override
    protected CollapseReport run(Query q) {
        CollapseSettings s = new CollapseSettings(proxy, satisfaction, proxyAbove, satisfiedAbove, alpha, minWindow,
                2000, 200);
        List<String> fields = new ArrayList<>(q.fields());
        fields.add(proxy);
        fields.add(satisfaction);
        input.name(spec, "--by", q.by()).name(spec, "--where", q.filter().fields()).name(spec, "--proxy", List.of(proxy))
                .name(spec, "--satisfaction", List.of(satisfaction)).groupBy(q.by());
        ReadOptions options = input.readOptions(env, fields, new CollapseScan(r -> 0, q.by(), q.filter(), s).reads());
        long seconds = q.window() == null ? 0 : q.window().getSeconds();
        CollapseScan.WindowOf windowOf = seconds == 0 ? r -> 0
                : r -> r.timestamp() == null ? Long.MIN_VALUE : Math.floorDiv(r.timestamp().getEpochSecond(), seconds);
        LongFunction<String> label = seconds == 0 ? w -> "all" : w -> Instant.ofEpochSecond(w * seconds).toString();
        List<dev.mlops.logs.LogInput> inputs = input.inputs(logs, env);
        LogScan.Result<CollapseScan> scan = runner().run(inputs, options,
                () -> new CollapseScan(windowOf, q.by(), q.filter(), s), CollapseScan::merge);
        input.check(err(), scan, inputs);
        if (scan.sink().untimed() > 0) {
            err().printf("mlops: %,d records without a timestamp were left out of the windows%n", scan.sink().untimed());
        }
        CollapseReport report = CollapseAnalysis.analyze(scan.sink(), s, label, against);
        if (report.groups().isEmpty()) {
            throw new MlopsException(ExitCode.BAD_INPUT, "no records to judge");
        }
        if (against != null && report.groups().stream().noneMatch(g -> against.equals(g.key().get("version")))) {
            throw new MlopsException(ExitCode.BAD_INPUT, "--against " + against + ": no records of that version");
        }
        return report;
    }

    @Override
    protected Renderers<CollapseReport> renderers() {
        return new Renderers<>(CollapseRender.renderer(VersionProvider.version()), r -> dev.mlops.report.html.CollapseHtml.render(r, VersionProvider.version()));
    }

    @Override
    protected ExitCode verdict(CollapseReport report) {
        return report.suspected() && failOnCollapse ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }
}

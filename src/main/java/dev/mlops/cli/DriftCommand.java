package dev.mlops.cli;

import dev.mlops.analysis.DriftComparison;
import dev.mlops.analysis.DriftReport;
import dev.mlops.analysis.DriftRules;
import dev.mlops.analysis.DriftScan;
import dev.mlops.analysis.DriftWindows;
import dev.mlops.analysis.DriftSettings;
import dev.mlops.analysis.GroupDrift;
import dev.mlops.analysis.Query;
import dev.mlops.analysis.RecordFilter;
import dev.mlops.analysis.TermCounter;
import dev.mlops.analysis.TermSample;
import dev.mlops.analysis.Terms;
import dev.mlops.logs.Field;
import dev.mlops.logs.FileReport;
import dev.mlops.logs.LogRecord;
import dev.mlops.logs.LogScan;
import dev.mlops.logs.Mapping;
import dev.mlops.logs.ReadOptions;
import dev.mlops.report.DriftRender;
import dev.mlops.report.Renderer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code mlops drift}: has the traffic changed since the baseline, in which feature, by which terms? */
@Command(name = "drift", sortOptions = false,
        description = {"Compare a current window of traffic with a baseline: numeric fields (KS test, normalised "
                + "Wasserstein, PSI, Jensen-Shannon), categorical fields (chi-square, Jensen-Shannon, new categories) "
                + "and the terms of prompts or responses (log-odds with an informative Dirichlet prior).",
                "",
                "Windows: --baseline LOG... --current LOG...; or one LOG cut by time with --baseline-until and/or "
                        + "--current-since; or rolling --window 1d, which compares every window with the first (or "
                        + "with everything before --baseline-until) and prints a timeline."})
final class DriftCommand extends ReportCommand<DriftReport> {
    @picocli.CommandLine.Mixin
    QueryOptions.Window windowOption;

    @Parameters(arity = "0..*", paramLabel = "LOG", description = "A log to cut into windows by time.")
    List<String> logs = new ArrayList<>();

    @Option(names = "--baseline", arity = "1..*", paramLabel = "LOG", description = "The baseline window's logs.")
    List<String> baseline = new ArrayList<>();

    @Option(names = "--current", arity = "1..*", paramLabel = "LOG", description = "The current window's logs.")
    List<String> current = new ArrayList<>();

    @Option(names = "--baseline-until", paramLabel = "TIME", description = "With LOG: the baseline ends before TIME.")
    String baselineUntil;

    @Option(names = "--current-since", paramLabel = "TIME", description = "With LOG: the current window starts at TIME.")
    String currentSince;

    @Option(names = "--categorical", split = ",", paramLabel = "FIELD",
            description = "More categorical fields or attributes to compare (segment, model, finish_reason and "
                    + "status always are).")
    List<String> categorical = new ArrayList<>();

    @Option(names = "--text", paramLabel = "WHICH", defaultValue = "prompt",
            description = "Terms of: prompt, response, or none (default: ${DEFAULT-VALUE}).")
    String text;

    @Option(names = "--text-sample", paramLabel = "N", defaultValue = "200000",
            description = "Count the terms of every document when a window's files hold up to about N records; "
                    + "past that, of a deterministic sample of about N, chosen by a hash of the text (0: every "
                    + "document; default: ${DEFAULT-VALUE}).")
    int textSample;

    @Option(names = "--stop-words", paramLabel = "FILE", description = "Replace the built-in stop words (one a line).")
    Path stopWords;

    @Option(names = "--rules", paramLabel = "FILE", description = "Override the default drift rules (YAML).")
    Path rulesFile;

    @Option(names = "--min-samples", paramLabel = "N", defaultValue = "100",
            description = "Refuse to judge a window with fewer records (default: ${DEFAULT-VALUE}).")
    long minSamples;

    @Option(names = "--fail-on-drift", description = "Exit 1 when drift is found.")
    boolean failOnDrift;

    @Option(names = "--details", description = "In a timeline, also print each drifted window's feature and term tables.")
    boolean details;

    @Option(names = "--exact-limit", paramLabel = "N", defaultValue = "100000",
            description = "Values per numeric feature kept exactly; past it, a sketch (default: ${DEFAULT-VALUE}).")
    int exactLimit;

    private List<String> by;
    private RecordFilter filter;
    private java.time.Duration window;

    DriftCommand(Env env) {
        super(env);
    }

    @Override
    protected Query validate() {
        Query q = queryOptions.query(List.of(), windowOption, null);
        boolean twoFiles = !baseline.isEmpty() || !current.isEmpty();
        if (twoFiles && (baseline.isEmpty() || current.isEmpty() || !logs.isEmpty() || q.window() != null
                || baselineUntil != null || currentSince != null)) {
            throw usage("give --baseline LOG... and --current LOG..., or LOG... with --baseline-until, --current-since "
                    + "or --window");
        }
        if (!twoFiles && (logs.isEmpty() || q.window() == null && baselineUntil == null && currentSince == null)) {
            throw usage("give --baseline LOG... --current LOG..., or LOG... cut by --baseline-until, --current-since "
                    + "or --window");
        }
        return q;
    }

    @Override
    protected Renderer<DriftReport> renderer() {
        return DriftRender.renderer(VersionProvider.version(), details);
    }

    @Override
    protected ExitCode verdict(DriftReport report) {
        return report.drifted() && failOnDrift ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }

    @Override
    protected DriftReport run(Query q) throws IOException {
        by = q.by();
        filter = q.filter();
        window = q.window();
        boolean twoFiles = !baseline.isEmpty();
        DriftSettings settings = settings();
        DriftRules rules = rules();
        List<String> fields = new ArrayList<>(q.fields());
        fields.addAll(categorical);
        input.name(spec, "--by", by).name(spec, "--categorical", categorical).name(spec, "--where", filter.fields())
                .groupBy(by);
        ReadOptions options = input.readOptions(env, fields, new DriftScan(r -> 0, by, filter, settings).reads());
        DriftWindows plan = plan(twoFiles);
        List<FileReport> read = new ArrayList<>();
        List<dev.mlops.logs.ReadChecks.Named> absent = new ArrayList<>();
        List<dev.mlops.logs.LogInput> allInputs = new ArrayList<>();
        DriftScan scan;
        List<FileReport> baselineFiles;
        List<FileReport> currentFiles;
        if (twoFiles) {
            LogScan.Result<DriftScan> b = scan(baseline, options, r -> plan.windowOf(r, true), filter, settings);
            LogScan.Result<DriftScan> c = scan(current, options, r -> plan.windowOf(r, false), filter, settings);
            b.sink().merge(c.sink());
            scan = b.sink();
            baselineFiles = b.files();
            currentFiles = c.files();
            absent.addAll(b.absent());
            absent.retainAll(c.absent());
            allInputs.addAll(input.inputs(baseline, env));
        } else {
            LogScan.Result<DriftScan> s = scan(logs, options, r -> plan.windowOf(r, false), filter, settings);
            scan = s.sink();
            baselineFiles = s.files();
            currentFiles = s.files();
            absent.addAll(s.absent());
            allInputs.addAll(input.inputs(logs, env));
            if (s.sink().skipped() > 0) {
                err().printf("mlops: %,d records had no timestamp or fell between the windows; left out%n",
                        s.sink().skipped());
            }
        }
        read.addAll(baselineFiles);
        if (twoFiles) {
            read.addAll(currentFiles);
        }
        input.check(err(), read, absent, allInputs);
        boolean timeline = plan.mode() == DriftWindows.Mode.TIMELINE;
        DriftReport report = new DriftReport(timeline ? "timeline" : "windows", by, rules, baselineFiles, currentFiles,
                plan.compare(scan, settings, rules, minSamples));
        if (report.groups().isEmpty()) {
            throw new MlopsException(ExitCode.BAD_INPUT, "nothing to compare: no window holds any record");
        }
        for (GroupDrift g : report.groups()) {
            boolean baselineShort = g.nBaseline() < minSamples;
            if (g.insufficient() && (baselineShort || !timeline)) {
                throw new MlopsException(ExitCode.BAD_INPUT, String.format(java.util.Locale.ROOT,
                        "cannot compare %s: the %s window has %,d records, fewer than --min-samples %,d%s",
                        g.label(), baselineShort ? "baseline" : "current", baselineShort ? g.nBaseline() : g.nCurrent(),
                        minSamples, timeline ? " (no window of the group has enough)" : ""));
            }
        }
        return report;
    }

    /** Reads {@code files}, counting terms on a sample sized by --text-sample from the files' estimated size. */
    private LogScan.Result<DriftScan> scan(List<String> files, ReadOptions options, ToIntFunction<LogRecord> windowOf,
                                           RecordFilter filter, DriftSettings settings) {
        var inputs = input.inputs(files, env);
        long expected = LogScan.estimateRecords(inputs);
        DriftSettings sampled = settings.withTextLevel(expected < 0 ? 0 : TermSample.levelFor(expected, textSample));
        return runner().run(inputs, options, () -> new DriftScan(windowOf, by, filter, sampled), DriftScan::merge);
    }

    private DriftWindows plan(boolean twoFiles) {
        try {
            if (twoFiles) {
                return DriftWindows.files();
            }
            Instant until = QueryOptions.time(spec, "--baseline-until", baselineUntil);
            Instant since = QueryOptions.time(spec, "--current-since", currentSince);
            return window != null ? DriftWindows.timeline(window, until) : DriftWindows.cut(until, since);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private DriftSettings settings() throws IOException {
        if (!List.of("prompt", "response", "none").contains(text)) {
            throw usage("--text " + text + ": expected prompt, response or none");
        }
        if (exactLimit < 0 || minSamples < 1) {
            throw usage("--exact-limit and --min-samples must be positive");
        }
        Terms terms = text.equals("none") ? null : stopWords == null ? Terms.english() : Terms.fromFile(stopWords);
        List<String> cats = new ArrayList<>(DriftSettings.CATEGORICAL);
        categorical.stream().filter(c -> !cats.contains(c)).forEach(cats::add);
        if (textSample < 0) {
            throw usage("--text-sample must not be negative");
        }
        return new DriftSettings(DriftSettings.NUMERIC, cats, terms, text.equals("response"), exactLimit,
                TermCounter.DEFAULT_CAPACITY, 0);
    }

    private DriftRules rules() {
        if (rulesFile == null) {
            return DriftRules.defaults();
        }
        try {
            return DriftRules.load(rulesFile, env.display(rulesFile));
        } catch (IllegalArgumentException e) {
            throw new MlopsException(ExitCode.BAD_INPUT, e.getMessage());
        } catch (IOException e) {
            throw new MlopsException(ExitCode.BAD_INPUT, env.display(rulesFile) + ": " + e.getMessage()
                    .lines().findFirst().orElse(""));
        }
    }
}

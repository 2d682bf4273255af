package dev.mlops.cli;

import dev.mlops.analysis.DriftReport;
import dev.mlops.analysis.DriftRules;
import dev.mlops.analysis.DriftScan;
import dev.mlops.analysis.DriftWindows;
import dev.mlops.analysis.DriftSettings;
import dev.mlops.analysis.GroupDrift;
import dev.mlops.analysis.Query;
import dev.mlops.analysis.RecordFilter;
import dev.mlops.analysis.TermSample;
import dev.mlops.logs.FileReport;
import dev.mlops.logs.LogScan;
import dev.mlops.logs.ReadOptions;
import dev.mlops.report.DriftRender;
import dev.mlops.report.Renderer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    @picocli.CommandLine.Mixin
    DriftInputs windows;

    @picocli.CommandLine.Mixin
    DriftOptions drift;

    @Option(names = "--fail-on-drift", description = "Exit 1 when drift is found.")
    boolean failOnDrift;

    @Option(names = "--details", description = "In a timeline, also print each drifted window's feature and term tables.")
    boolean details;

    private List<String> by;
    private RecordFilter filter;
    private java.time.Duration window;

    DriftCommand(Env env) {
        super(env);
    }

    @Override
    protected Query validate() {
        Query q = queryOptions.query(List.of(), windowOption, null);
        windows.validate(spec, q);
        return q;
    }

    @Override
    protected Renderers<DriftReport> renderers() {
        return new Renderers<>(DriftRender.renderer(VersionProvider.version(), details), r -> dev.mlops.report.html.DriftHtml.render(r, VersionProvider.version()));
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
        boolean twoFiles = windows.twoFiles();
        DriftSettings settings = drift.settings(spec);
        DriftRules rules = drift.rules(env);
        List<String> fields = new ArrayList<>(q.fields());
        fields.addAll(drift.categorical);
        input.name(spec, "--by", by).name(spec, "--categorical", drift.categorical).name(spec, "--where", filter.fields())
                .groupBy(by);
        ReadOptions options = input.readOptions(env, fields, new DriftScan(r -> 0, by, filter, settings).reads());
        DriftWindows plan = windows.plan(spec, window);
        List<FileReport> read = new ArrayList<>();
        List<dev.mlops.logs.ReadChecks.Named> absent = new ArrayList<>();
        List<dev.mlops.logs.LogInput> allInputs = new ArrayList<>();
        DriftScan scan;
        List<FileReport> baselineFiles;
        List<FileReport> currentFiles;
        if (twoFiles) {
            LogScan.Result<DriftScan> b = scan(windows.baseline, options, r -> plan.windowOf(r, true), filter, settings);
            LogScan.Result<DriftScan> c = scan(windows.current, options, r -> plan.windowOf(r, false), filter, settings);
            b.sink().merge(c.sink());
            scan = b.sink();
            baselineFiles = b.files();
            currentFiles = c.files();
            absent.addAll(b.absent());
            absent.retainAll(c.absent());
            allInputs.addAll(input.inputs(windows.baseline, env));
        } else {
            LogScan.Result<DriftScan> s = scan(windows.logs, options, r -> plan.windowOf(r, false), filter, settings);
            scan = s.sink();
            baselineFiles = s.files();
            currentFiles = s.files();
            absent.addAll(s.absent());
            allInputs.addAll(input.inputs(windows.logs, env));
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
                plan.compare(scan, settings, rules, drift.minSamples));
        if (report.groups().isEmpty()) {
            throw new MlopsException(ExitCode.BAD_INPUT, "nothing to compare: no window holds any record");
        }
        for (GroupDrift g : report.groups()) {
            boolean baselineShort = g.nBaseline() < drift.minSamples;
            if (g.insufficient() && (baselineShort || !timeline)) {
                throw new MlopsException(ExitCode.BAD_INPUT, String.format(java.util.Locale.ROOT,
                        "cannot compare %s: the %s window has %,d records, fewer than --min-samples %,d%s",
                        g.label(), baselineShort ? "baseline" : "current", baselineShort ? g.nBaseline() : g.nCurrent(),
                        drift.minSamples, timeline ? " (no window of the group has enough)" : ""));
            }
        }
        return report;
    }

    /** Reads {@code files}, counting terms on a sample sized by --text-sample from the files' estimated size. */
    private LogScan.Result<DriftScan> scan(List<String> files, ReadOptions options, DriftScan.WindowOf windowOf,
                                           RecordFilter filter, DriftSettings settings) {
        var inputs = input.inputs(files, env);
        long expected = LogScan.estimateRecords(inputs);
        DriftSettings sampled = settings.withTextLevel(expected < 0 ? 0 : TermSample.levelFor(expected, drift.textSample));
        return runner().run(inputs, options, () -> new DriftScan(windowOf, by, filter, sampled), DriftScan::merge);
    }
}

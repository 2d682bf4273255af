package dev.mlops.report.html;

import dev.mlops.analysis.DriftReport;
import dev.mlops.analysis.FeatureDrift;
import dev.mlops.analysis.GroupDrift;
import dev.mlops.analysis.TermShift;
import dev.mlops.logs.FileReport;
import dev.mlops.report.DriftRender;
import dev.mlops.report.Fmt;
import dev.mlops.report.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mlops drift --html}: the verdict, in a timeline each feature's effect per window against
 * its threshold, then per group (or drifted window) the effects, the two samples side by side in
 * the same bins, and the rising and new terms.
 */
public final class DriftHtml {
    /** Windows drawn in full in a timeline: the drifted ones, up to this many. */
    static final int MAX_DETAILED = 12;

    private DriftHtml() {
    }

    public static String render(DriftReport r, String toolVersion) {
        Page page = new Page("mlops drift", "mlops " + toolVersion + " · " + DriftReport.SCHEMA);
        boolean insufficient = r.groups().stream().anyMatch(GroupDrift::insufficient);
        Page.Level level = r.drifted() ? Page.Level.BAD : insufficient ? Page.Level.WARN : Page.Level.OK;
        String verdict = r.drifted() ? "DRIFT: " + r.featuresDrifted() + " feature(s) drifted"
                : insufficient ? "no drift found, but some groups have too little data" : "no drift";
        page.summary(level, verdict, List.of(
                "baseline: " + records(r.baseline()) + ", current: " + records(r.current()),
                (r.mode().equals("timeline") ? "a timeline of " + r.groups().size() + " windows" : r.groups().size()
                        + (r.groups().size() == 1 ? " group" : " groups")) + (r.groupBy().isEmpty() ? "" : " by "
                        + String.join(" / ", r.groupBy())),
                "tests at alpha " + Fmt.num(r.rules().alpha()) + " (Benjamini-Hochberg), and an effect past its threshold"));
        List<GroupDrift> detailed = r.groups();
        if (r.mode().equals("timeline")) {
            timeline(page, r);
            detailed = r.groups().stream().filter(GroupDrift::drifted).limit(MAX_DETAILED).toList();
            if (r.groups().stream().filter(GroupDrift::drifted).count() > MAX_DETAILED) {
                page.note("The first " + MAX_DETAILED + " drifted windows are drawn below; the JSON report has them all.");
            }
        }
        for (GroupDrift g : detailed) {
            group(page, g);
        }
        return page.html();
    }

    private static String records(List<FileReport> files) {
        return Fmt.count(files.stream().mapToLong(FileReport::records).sum()) + " records in " + files.size() + " file"
                + (files.size() == 1 ? "" : "s");
    }

    /** Per group: each feature's effect / threshold per window (1 is the threshold), drifted windows marked. */
    private static void timeline(Page page, DriftReport r) {
        Map<String, List<GroupDrift>> byGroup = new LinkedHashMap<>();
        r.groups().forEach(g -> byGroup.computeIfAbsent(g.label(), k -> new ArrayList<>()).add(g));
        page.section("Timeline");
        for (Map.Entry<String, List<GroupDrift>> e : byGroup.entrySet()) {
            List<GroupDrift> windows = e.getValue();
            XyChart chart = new XyChart("drift per window, " + e.getKey()).categories(windows.stream().map(GroupDrift::window)
                    .toList()).titles("window", "effect / threshold").hRule(1, "threshold");
            Map<String, List<XyChart.Point>> series = new LinkedHashMap<>();
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < windows.size(); i++) {
                GroupDrift g = windows.get(i);
                for (FeatureDrift f : g.features()) {
                    double ratio = f.threshold() > 0 ? f.effect() / f.threshold() : Double.NaN;
                    series.computeIfAbsent(f.feature(), k -> new ArrayList<>()).add(new XyChart.Point(i, ratio));
                    if (f.drifted()) {
                        chart.mark(i, ratio, g.window() + ": " + f.feature() + " DRIFT", "bad");
                    }
                }
                rows.add(List.of(g.window(), Fmt.count(g.nCurrent()), String.valueOf(g.featuresDrifted()),
                        Fmt.num(g.maxPsi()), DriftRender.verdict(g)));
            }
            series.entrySet().stream().limit(Distributions.MAX_SERIES).forEach(s -> chart.series(s.getKey(), s.getValue()));
            page.figure(e.getKey() + ": each feature's effect against its threshold, per window", chart.svg(),
                    new Page.Table(List.of("window", "records", "drifted features", "max psi", "verdict"), rows));
        }
    }

    private static void group(Page page, GroupDrift g) {
        page.section(g.label() + ", " + g.window() + ": " + DriftRender.verdict(g));
        Bars effects = new Bars("effect per feature against its threshold, " + g.label());
        for (FeatureDrift f : g.features()) {
            if (f.enabled()) {
                effects.bar(f.feature(), f.effect(), f.threshold(), f.drifted() ? "bad" : "");
            }
        }
        if (!effects.isEmpty()) {
            page.figure("effect per feature; the red tick is its threshold", effects.svg(),
                    new Page.Table(List.of("feature", "effect", "threshold"), g.features().stream()
                            .map(f -> List.of(f.feature(), f.effectName() + " " + Fmt.num(f.effect()),
                                    Fmt.num(f.threshold()))).toList()));
        }
        page.table(DriftRender.features(g));
        for (FeatureDrift f : g.features()) {
            FeatureDrift.Bins b = f.bins();
            if (b.labels().isEmpty()) {
                continue;
            }
            List<Double> base = Columns.shares(b.baseline());
            List<Double> cur = Columns.shares(b.current());
            Columns chart = new Columns(f.feature() + ": baseline and current", b.labels()).series("baseline", base)
                    .series("current", cur);
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < b.labels().size(); i++) {
                rows.add(List.of(b.labels().get(i), Fmt.count(b.baseline().get(i)), Fmt.percent(base.get(i)),
                        Fmt.count(b.current().get(i)), Fmt.percent(cur.get(i))));
            }
            page.figure(f.feature() + (f.kind().equals("numeric") ? ": share in each of the baseline's deciles"
                    : ": share of its most common values"), chart.svg(),
                    new Page.Table(List.of(f.kind().equals("numeric") ? "bin" : "value", "baseline", "share",
                            "current", "share"), rows));
        }
        terms(page, "rising and new terms", g);
    }

    private static void terms(Page page, String title, GroupDrift g) {
        List<TermShift> up = new ArrayList<>(g.rising());
        up.addAll(g.fresh());
        if (up.isEmpty()) {
            return;
        }
        Bars bars = new Bars(title + ", " + g.label());
        up.stream().limit(20).forEach(t -> bars.bar(t.term() + (t.isNew() ? " (new)" : ""), t.z(), Double.NaN,
                t.isNew() ? "warn" : ""));
        List<TextTable> tables = DriftRender.terms(g);
        page.figure(title + " by log-odds z", bars.svg(), new Page.Table(tables.get(0).headers(), tables.stream()
                .flatMap(t -> t.rows().stream()).toList()));
    }
}

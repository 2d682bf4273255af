package dev.mlops.report.html;

import dev.mlops.analysis.CollapseReport;
import dev.mlops.report.CollapseRender;
import dev.mlops.report.Fmt;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * {@code mlops collapse --html}: the verdict, then per group the proxy and satisfaction per window
 * with their intervals (windows without enough data marked), the diversity measures, and each
 * signal with its evidence.
 */
public final class CollapseHtml {
    private CollapseHtml() {
    }

    public static String render(CollapseReport r, String toolVersion) {
        Page page = new Page("mlops collapse", "mlops " + toolVersion + " · " + CollapseReport.SCHEMA);
        boolean none = r.groups().stream().allMatch(CollapseReport.Group::insufficient);
        List<String> fired = new ArrayList<>();
        for (CollapseReport.Group g : r.groups()) {
            g.signals().stream().filter(CollapseReport.Signal::fired).forEach(s -> fired.add(g.label() + ": " + s.name()));
        }
        page.summary(r.suspected() ? Page.Level.BAD : none ? Page.Level.WARN : Page.Level.OK,
                r.suspected() ? "collapse suspected: " + String.join("; ", fired) : none ? "insufficient data" : "ok",
                List.of("proxy " + r.settings().proxy() + " (positive above " + Fmt.num(r.settings().proxyAbove())
                                + "), satisfaction " + r.settings().satisfaction() + " (satisfied above "
                                + Fmt.num(r.settings().satisfiedAbove()) + ")",
                        r.groups().size() + " group(s), trend tests at alpha " + Fmt.num(r.settings().alpha())));
        for (CollapseReport.Group g : r.groups()) {
            group(page, r, g);
        }
        return page.html();
    }

    private static void group(Page page, CollapseReport r, CollapseReport.Group g) {
        page.section(g.label() + ": " + (g.insufficient() ? "insufficient data" : g.suspected() ? "collapse suspected" : "ok"));
        for (CollapseReport.Signal s : g.signals()) {
            if (s.fired()) {
                page.banner(Page.Level.BAD, "SIGNAL " + s.name() + ": " + s.evidence());
            }
        }
        List<String> labels = g.windows().stream().map(CollapseReport.Window::label).toList();
        page.figure("proxy (" + r.settings().proxy() + ") per window, 95% interval; hollow windows are not judged",
                band(g, labels, "proxy", CollapseReport.Window::proxyMean, CollapseReport.Window::proxyLow,
                        CollapseReport.Window::proxyHigh), null);
        page.figure("satisfaction (" + r.settings().satisfaction() + ") per window, 95% interval",
                band(g, labels, "satisfaction", CollapseReport.Window::satisfactionMean,
                        CollapseReport.Window::satisfactionLow, CollapseReport.Window::satisfactionHigh), null);
        XyChart diversity = new XyChart("diversity per window, " + g.label()).categories(labels).titles("window", "share")
                .series("distinct-2", points(g, CollapseReport.Window::distinct2))
                .series("near-duplicates", points(g, CollapseReport.Window::nearDuplicates))
                .series("clickbait", points(g, CollapseReport.Window::clickbaitRate));
        page.figure("diversity of the responses per window", diversity.svg(), null);
        page.numbers(windowsTable(r, g));
        if (g.comparison() != null) {
            CollapseReport.Comparison c = g.comparison();
            Forest f = new Forest("lift against " + c.against(), 0)
                    .row("proxy", c.proxyLift(), c.proxyLow(), c.proxyHigh(), c.proxyLow() > 0 ? "ok" : "")
                    .row("satisfaction", c.satisfactionLift(), c.satisfactionLow(), c.satisfactionHigh(),
                            c.satisfactionHigh() < 0 ? "bad" : "");
            page.figure(g.label() + " against " + c.against() + " over the whole span"
                    + (c.flagged() ? ": the proxy rose while satisfaction fell" : ""), f.svg(), new Page.Table(
                    List.of("measure", "lift", "low", "high"), List.of(
                            List.of("proxy", Fmt.num(c.proxyLift()), Fmt.num(c.proxyLow()), Fmt.num(c.proxyHigh())),
                            List.of("satisfaction", Fmt.num(c.satisfactionLift()), Fmt.num(c.satisfactionLow()),
                                    Fmt.num(c.satisfactionHigh())))));
        }
        List<List<String>> signals = new ArrayList<>();
        g.signals().forEach(s -> signals.add(List.of(s.name(), s.fired() ? "collapse suspected" : "ok", s.evidence())));
        page.table(new Page.Table(List.of("signal", "verdict", "evidence"), signals));
    }

    private static String band(CollapseReport.Group g, List<String> labels, String name,
                               ToDoubleFunction<CollapseReport.Window> mean, ToDoubleFunction<CollapseReport.Window> low,
                               ToDoubleFunction<CollapseReport.Window> high) {
        XyChart chart = new XyChart(name + " per window, " + g.label()).categories(labels).titles("window", name)
                .band(name, points(g, mean), points(g, low), points(g, high));
        for (int i = 0; i < g.windows().size(); i++) {
            CollapseReport.Window w = g.windows().get(i);
            if (w.insufficient() && Double.isFinite(mean.applyAsDouble(w))) {
                chart.mark(i, mean.applyAsDouble(w), w.label() + ": not judged (too few scored requests)", "hollow");
            }
        }
        return chart.svg();
    }

    private static List<XyChart.Point> points(CollapseReport.Group g, ToDoubleFunction<CollapseReport.Window> f) {
        List<XyChart.Point> out = new ArrayList<>();
        for (int i = 0; i < g.windows().size(); i++) {
            out.add(new XyChart.Point(i, f.applyAsDouble(g.windows().get(i))));
        }
        return out;
    }

    private static Page.Table windowsTable(CollapseReport r, CollapseReport.Group g) {
        var t = CollapseRender.windows(r, g);
        return Page.of(t);
    }
}

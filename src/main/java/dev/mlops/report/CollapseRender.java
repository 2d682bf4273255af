package dev.mlops.report;

import dev.mlops.analysis.CollapseReport;
import dev.mlops.schema.CollapseDoc;
import dev.mlops.schema.Documents;
import java.util.List;

/** Renders a {@link CollapseReport} as a table, Markdown or JSON ({@value CollapseReport#SCHEMA}). */
public final class CollapseRender {
    private CollapseRender() {
    }

    public static String render(CollapseReport r, OutputFormat f, String toolVersion) {
        return renderer(toolVersion).render(r, f);
    }

    /** The renderer of collapse reports. */
    public static Renderer<CollapseReport> renderer(String toolVersion) {
        return (r, f) -> switch (f) {
            case JSON -> json(r, toolVersion);
            case CSV -> csv(r);
            case MARKDOWN -> text(r, true);
            case TABLE -> text(r, false);
        };
    }

    /** One row per group and window, with every measure as a plain number. */
    static String csv(CollapseReport r) {
        TextTable t = TextTable.text(null, List.of("group", "window", "requests", "scored", "proxy_mean", "proxy_low",
                "proxy_high", "satisfaction_mean", "satisfaction_low", "satisfaction_high", "rho", "clickbait_rate",
                "median_output_tokens", "distinct_2", "near_duplicate_share", "insufficient", "verdict"));
        for (CollapseReport.Group g : r.groups()) {
            String verdict = g.insufficient() ? "insufficient data" : g.suspected() ? "collapse suspected" : "ok";
            for (CollapseReport.Window w : g.windows()) {
                t.row(List.of(g.label(), w.label(), Long.toString(w.requests()), Long.toString(w.scored()),
                        Fmt.plain(w.proxyMean()), Fmt.plain(w.proxyLow()), Fmt.plain(w.proxyHigh()),
                        Fmt.plain(w.satisfactionMean()), Fmt.plain(w.satisfactionLow()), Fmt.plain(w.satisfactionHigh()),
                        Fmt.plain(w.rho()), Fmt.plain(w.clickbaitRate()), Fmt.plain(w.medianLength()),
                        Fmt.plain(w.distinct2()), Fmt.plain(w.nearDuplicates()), Boolean.toString(w.insufficient()),
                        verdict));
            }
        }
        return t.csv();
    }

    static String text(CollapseReport r, boolean markdown) {
        StringBuilder sb = new StringBuilder();
        for (CollapseReport.Group g : r.groups()) {
            TextTable t = windows(r, g);
            sb.append(markdown ? t.markdown() : t.text());
            if (g.windows().stream().anyMatch(CollapseReport.Window::insufficient)) {
                sb.append("* not judged: too few scored requests (--min-window), or a proxy with one value"
                        + "\n");
            }
            sb.append('\n');
            if (g.comparison() != null) {
                CollapseReport.Comparison c = g.comparison();
                TextTable cmp = new TextTable(g.label() + " against " + c.against() + " (whole span)",
                        List.of("measure", "lift", "95% interval", "verdict"));
                cmp.row(List.of("proxy", Fmt.num(c.proxyLift()), interval(c.proxyLow(), c.proxyHigh()),
                        c.proxyLow() > 0 ? "rose" : c.proxyHigh() < 0 ? "fell" : "no change"));
                cmp.row(List.of("satisfaction", Fmt.num(c.satisfactionLift()),
                        interval(c.satisfactionLow(), c.satisfactionHigh()),
                        c.satisfactionLow() > 0 ? "rose" : c.satisfactionHigh() < 0 ? "fell" : "no change"));
                sb.append(markdown ? cmp.markdown() : cmp.text());
                sb.append(c.flagged() ? "COMPARISON: the proxy rose while satisfaction fell against " + c.against()
                        : "comparison: no sign of collapse against " + c.against()).append("\n\n");
            }
            if (g.insufficient()) {
                sb.append(g.label()).append(": insufficient data (fewer than 3 judged windows)\n\n");
                continue;
            }
            for (CollapseReport.Signal s : g.signals()) {
                if (s.fired()) {
                    sb.append("SIGNAL ").append(s.name()).append(": ").append(s.evidence()).append('\n');
                }
            }
            sb.append(g.label()).append(": ").append(g.suspected() ? "collapse suspected" : "ok").append("\n\n");
        }
        sb.append(r.suspected() ? "collapse suspected\n" : r.groups().stream().allMatch(CollapseReport.Group::insufficient)
                ? "insufficient data\n" : "ok\n");
        return sb.toString();
    }

    /** A group's windows: the proxy and satisfaction with their intervals, and the diversity measures. */
    public static TextTable windows(CollapseReport r, CollapseReport.Group g) {
        TextTable t = new TextTable(g.label() + ": proxy " + r.settings().proxy() + ", satisfaction "
                + r.settings().satisfaction(), List.of("window", "scored", "proxy", "satisfaction", "rho",
                "clickbait", "median len", "distinct-2", "near-dup"));
        for (CollapseReport.Window w : g.windows()) {
            t.row(List.of(w.label(), Fmt.count(w.scored()), ci(w.proxyMean(), w.proxyLow(), w.proxyHigh()),
                    ci(w.satisfactionMean(), w.satisfactionLow(), w.satisfactionHigh()), Fmt.num(w.rho()),
                    Fmt.percent(w.clickbaitRate()), Fmt.num(w.medianLength()), Fmt.num(w.distinct2()),
                    Fmt.percent(w.nearDuplicates()) + (w.insufficient() ? " *" : "")));
        }
        return t;
    }

    private static String interval(double lo, double hi) {
        return Double.isNaN(lo) ? "-" : "[" + Fmt.num(lo) + ", " + Fmt.num(hi) + "]";
    }

    private static String ci(double m, double lo, double hi) {
        return Double.isNaN(m) ? "-" : Fmt.num(m) + " [" + Fmt.num(lo) + ", " + Fmt.num(hi) + "]";
    }

    static String json(CollapseReport r, String toolVersion) {
        String verdict = r.suspected() ? "collapse suspected"
                : r.groups().stream().allMatch(CollapseReport.Group::insufficient) ? "insufficient data" : "ok";
        return Documents.write(new CollapseDoc(CollapseDoc.SCHEMA, toolVersion, r.settings().proxy(),
                r.settings().satisfaction(), r.settings().alpha(), r.suspected(), verdict, r.groupBy(),
                r.groups().stream().map(CollapseRender::group).toList()));
    }

    private static CollapseDoc.Group group(CollapseReport.Group g) {
        CollapseReport.Comparison c = g.comparison();
        var comparison = c == null ? null : new CollapseDoc.Comparison(c.against(), Documents.num(c.proxyLift()),
                Documents.num(c.proxyLow()), Documents.num(c.proxyHigh()), Documents.num(c.satisfactionLift()),
                Documents.num(c.satisfactionLow()), Documents.num(c.satisfactionHigh()), c.flagged());
        var signals = g.signals().stream().map(s -> new CollapseDoc.Signal(s.name(), s.fired(), s.evidence())).toList();
        return new CollapseDoc.Group(g.key(), g.insufficient() ? "insufficient data" : g.suspected()
                ? "collapse suspected" : "ok", g.windows().stream().map(CollapseRender::window).toList(), signals,
                comparison);
    }

    private static CollapseDoc.Window window(CollapseReport.Window w) {
        return new CollapseDoc.Window(w.label(), w.requests(), w.scored(), Documents.num(w.proxyMean()),
                Documents.num(w.proxyLow()), Documents.num(w.proxyHigh()), Documents.num(w.satisfactionMean()),
                Documents.num(w.satisfactionLow()), Documents.num(w.satisfactionHigh()), Documents.num(w.rho()),
                Documents.num(w.clickbaitRate()), Documents.num(w.medianLength()), Documents.num(w.distinct2()),
                Documents.num(w.nearDuplicates()), w.insufficient());
    }
}

package dev.mlops.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.analysis.CollapseReport;
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
            TextTable t = new TextTable(g.label() + ": proxy " + r.settings().proxy() + ", satisfaction "
                    + r.settings().satisfaction(), List.of("window", "scored", "proxy", "satisfaction", "rho",
                    "clickbait", "median len", "distinct-2", "near-dup"));
            for (CollapseReport.Window w : g.windows()) {
                t.row(List.of(w.label(), Fmt.count(w.scored()), ci(w.proxyMean(), w.proxyLow(), w.proxyHigh()),
                        ci(w.satisfactionMean(), w.satisfactionLow(), w.satisfactionHigh()), Fmt.num(w.rho()),
                        Fmt.percent(w.clickbaitRate()), Fmt.num(w.medianLength()), Fmt.num(w.distinct2()),
                        Fmt.percent(w.nearDuplicates()) + (w.insufficient() ? " *" : "")));
            }
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

    private static String interval(double lo, double hi) {
        return Double.isNaN(lo) ? "-" : "[" + Fmt.num(lo) + ", " + Fmt.num(hi) + "]";
    }

    private static String ci(double m, double lo, double hi) {
        return Double.isNaN(m) ? "-" : Fmt.num(m) + " [" + Fmt.num(lo) + ", " + Fmt.num(hi) + "]";
    }

    static String json(CollapseReport r, String toolVersion) {
        ObjectNode root = Json.object();
        root.put("schema", CollapseReport.SCHEMA);
        root.put("tool_version", toolVersion);
        root.put("proxy", r.settings().proxy());
        root.put("satisfaction", r.settings().satisfaction());
        root.put("alpha", r.settings().alpha());
        root.put("suspected", r.suspected());
        root.put("verdict", r.suspected() ? "collapse suspected"
                : r.groups().stream().allMatch(CollapseReport.Group::insufficient) ? "insufficient data" : "ok");
        ArrayNode by = root.putArray("group_by");
        r.groupBy().forEach(by::add);
        ArrayNode groups = root.putArray("groups");
        for (CollapseReport.Group g : r.groups()) {
            ObjectNode o = groups.addObject();
            ObjectNode key = o.putObject("key");
            g.key().forEach(key::put);
            o.put("verdict", g.insufficient() ? "insufficient data" : g.suspected() ? "collapse suspected" : "ok");
            ArrayNode ws = o.putArray("windows");
            for (CollapseReport.Window w : g.windows()) {
                ObjectNode x = ws.addObject();
                x.put("window", w.label());
                x.put("requests", w.requests());
                x.put("scored", w.scored());
                Json.put(x, "proxy_mean", w.proxyMean());
                Json.put(x, "proxy_low", w.proxyLow());
                Json.put(x, "proxy_high", w.proxyHigh());
                Json.put(x, "satisfaction_mean", w.satisfactionMean());
                Json.put(x, "satisfaction_low", w.satisfactionLow());
                Json.put(x, "satisfaction_high", w.satisfactionHigh());
                Json.put(x, "rho", w.rho());
                Json.put(x, "clickbait_rate", w.clickbaitRate());
                Json.put(x, "median_output_tokens", w.medianLength());
                Json.put(x, "distinct_2", w.distinct2());
                Json.put(x, "near_duplicate_share", w.nearDuplicates());
                x.put("insufficient", w.insufficient());
            }
            ArrayNode ss = o.putArray("signals");
            for (CollapseReport.Signal s : g.signals()) {
                ss.addObject().put("name", s.name()).put("fired", s.fired()).put("evidence", s.evidence());
            }
            if (g.comparison() != null) {
                CollapseReport.Comparison c = g.comparison();
                ObjectNode x = o.putObject("comparison");
                x.put("against", c.against());
                Json.put(x, "proxy_lift", c.proxyLift());
                Json.put(x, "proxy_low", c.proxyLow());
                Json.put(x, "proxy_high", c.proxyHigh());
                Json.put(x, "satisfaction_lift", c.satisfactionLift());
                Json.put(x, "satisfaction_low", c.satisfactionLow());
                Json.put(x, "satisfaction_high", c.satisfactionHigh());
                x.put("flagged", c.flagged());
            }
        }
        return Json.write(root);
    }
}

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
        return f == OutputFormat.JSON ? json(r, toolVersion) : text(r, f == OutputFormat.MARKDOWN);
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
                        w.insufficient() ? "insufficient data" : Fmt.percent(w.nearDuplicates())));
            }
            sb.append(markdown ? t.markdown() : t.text()).append('\n');
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
        sb.append(r.suspected() ? "collapse suspected\n" : "ok\n");
        return sb.toString();
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

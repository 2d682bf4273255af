package dev.mlops.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.analysis.DriftReport;
import dev.mlops.analysis.DriftRules;
import dev.mlops.analysis.FeatureDrift;
import dev.mlops.analysis.GroupDrift;
import dev.mlops.analysis.TermShift;
import dev.mlops.logs.FileReport;
import dev.mlops.text.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a {@link DriftReport} as a table, Markdown, CSV or JSON ({@value DriftReport#SCHEMA}). */
public final class DriftRender {
    private DriftRender() {
    }

    public static String render(DriftReport r, OutputFormat f, String toolVersion) {
        return render(r, f, toolVersion, false);
    }

    /** @param details in a timeline, also each drifted window's feature and term tables */
    public static String render(DriftReport r, OutputFormat f, String toolVersion, boolean details) {
        return renderer(toolVersion, details).render(r, f);
    }

    /** The renderer of drift reports; with {@code details}, a timeline also prints each drifted window. */
    public static Renderer<DriftReport> renderer(String toolVersion, boolean details) {
        return (r, f) -> switch (f) {
            case JSON -> json(r, toolVersion);
            case CSV -> csv(r);
            case MARKDOWN -> text(r, true, details);
            case TABLE -> text(r, false, details);
        };
    }

    static String text(DriftReport r, boolean markdown) {
        return text(r, markdown, false);
    }

    static String text(DriftReport r, boolean markdown, boolean details) {
        StringBuilder sb = new StringBuilder();
        if (r.mode().equals("timeline")) {
            TextTable t = TextTable.text("drift timeline: each window against the baseline",
                    List.of("group", "window", "records", "drifted features", "max psi", "verdict"));
            for (GroupDrift g : r.groups()) {
                List<String> names = g.features().stream().filter(FeatureDrift::drifted).map(FeatureDrift::feature).toList();
                t.row(List.of(g.label(), g.window(), Fmt.count(g.nCurrent()), names.isEmpty() ? "-" : String.join(", ", names),
                        Fmt.num(g.maxPsi()), verdict(g)));
            }
            sb.append(markdown ? t.markdown() : t.text()).append('\n');
            if (!details && r.groups().stream().anyMatch(GroupDrift::drifted)) {
                sb.append("(--details prints the feature and term tables of each drifted window)\n\n");
            }
        }
        for (GroupDrift g : r.groups()) {
            if (r.mode().equals("timeline") && (!g.drifted() || !details)) {
                continue;
            }
            String title = String.format(Locale.ROOT, "%s, %s: %s records against %s in the baseline: %s", g.label(),
                    g.window(), Fmt.count(g.nCurrent()), Fmt.count(g.nBaseline()), verdict(g));
            TextTable t = new TextTable(title, List.of("feature", "test", "statistic", "p (BH)", "effect", "", "psi",
                    "verdict", "note"));
            for (FeatureDrift fd : g.features()) {
                t.row(List.of(fd.feature(), fd.test(), Fmt.num(fd.statistic()), p(fd.pAdjusted()),
                        fd.effectName() + " " + Fmt.num(fd.effect()), bar(fd), Fmt.num(fd.psi()),
                        !fd.enabled() ? "off" : g.insufficient() ? "-" : fd.drifted() ? "DRIFT" : "ok",
                        fd.unseen().isEmpty() ? "" : "new: " + String.join(", ", fd.unseen())));
            }
            sb.append(markdown ? t.markdown() : t.text()).append('\n');
            terms(sb, "rising terms", g.rising(), markdown);
            terms(sb, "falling terms", g.falling(), markdown);
            terms(sb, "new terms", g.fresh(), markdown);
        }
        sb.append(r.drifted() ? "DRIFT: " + r.featuresDrifted() + " feature(s) drifted\n" : "no drift\n");
        return sb.toString();
    }

    private static void terms(StringBuilder sb, String title, List<TermShift> terms, boolean markdown) {
        if (terms.isEmpty()) {
            return;
        }
        TextTable t = new TextTable(title + " (counts are documents that hold the term, not occurrences)",
                List.of("term", "z", "baseline docs", "current docs", ""));
        for (TermShift s : terms) {
            t.row(List.of(s.term(), String.format(Locale.ROOT, "%+.1f", s.z()), Fmt.count(s.baseline()),
                    Fmt.count(s.current()), s.isNew() ? "new" : ""));
        }
        sb.append(markdown ? t.markdown() : t.text()).append('\n');
    }

    private static String verdict(GroupDrift g) {
        return g.nCurrent() == 0 ? "empty" : g.insufficient() ? "insufficient data" : g.drifted() ? "DRIFT" : "no drift";
    }

    /** A p-value; one below 1e-300 is written so, never as 0. */
    static String p(double p) {
        return Double.isNaN(p) ? "-" : p < 1e-300 ? "< 1e-300" : String.format(Locale.ROOT, "%.3g", p);
    }

    /** The effect against its floor: three blocks are the floor. */
    private static String bar(FeatureDrift fd) {
        if (Double.isNaN(fd.effect()) || fd.threshold() <= 0) {
            return "";
        }
        int eighths = (int) Math.round(Math.min(12, fd.effect() / fd.threshold() * 3) * 8);
        StringBuilder b = new StringBuilder("█".repeat(eighths / 8));
        if (eighths % 8 != 0) {
            b.append("▏▎▍▌▋▊▉".charAt(eighths % 8 - 1));
        }
        return b.toString();
    }

    static String json(DriftReport r, String toolVersion) {
        ObjectNode root = Json.object();
        root.put("schema", DriftReport.SCHEMA);
        root.put("tool_version", toolVersion);
        root.put("mode", r.mode());
        ArrayNode by = root.putArray("group_by");
        r.groupBy().forEach(by::add);
        root.set("rules", rules(r.rules()));
        ObjectNode inputs = root.putObject("inputs");
        inputs.set("baseline", files(r.baseline()));
        inputs.set("current", files(r.current()));
        root.put("drifted", r.drifted());
        root.put("features_drifted", r.featuresDrifted());
        Json.put(root, "max_psi", r.maxPsi());
        ArrayNode groups = root.putArray("groups");
        for (GroupDrift g : r.groups()) {
            ObjectNode o = groups.addObject();
            ObjectNode key = o.putObject("key");
            g.key().forEach(key::put);
            o.put("window", g.window());
            o.put("n_baseline", g.nBaseline());
            o.put("n_current", g.nCurrent());
            o.put("insufficient", g.insufficient());
            o.put("drifted", g.drifted());
            o.put("features_drifted", g.featuresDrifted());
            Json.put(o, "max_psi", g.maxPsi());
            ArrayNode fs = o.putArray("features");
            for (FeatureDrift fd : g.features()) {
                ObjectNode x = fs.addObject();
                x.put("feature", fd.feature());
                x.put("kind", fd.kind());
                x.put("test", fd.test());
                Json.put(x, "statistic", fd.statistic());
                if (!Double.isNaN(fd.bound())) {
                    // D from sketches: the exact D lies within statistic ± statistic_bound
                    Json.put(x, "statistic_bound", fd.bound());
                }
                Json.put(x, "p_value", fd.pValue());
                Json.put(x, "p_adjusted", fd.pAdjusted());
                x.put("effect_name", fd.effectName());
                Json.put(x, "effect", fd.effect());
                Json.put(x, "threshold", fd.threshold());
                Json.put(x, "psi", fd.psi());
                Json.put(x, "js", fd.js());
                x.put("n_baseline", fd.nBaseline());
                x.put("n_current", fd.nCurrent());
                ArrayNode u = x.putArray("unseen");
                fd.unseen().forEach(u::add);
                x.put("enabled", fd.enabled());
                x.put("drifted", fd.drifted());
                x.put("method", fd.method());
            }
            ObjectNode terms = o.putObject("terms");
            terms.set("rising", shifts(g.rising()));
            terms.set("falling", shifts(g.falling()));
            terms.set("new", shifts(g.fresh()));
        }
        return Json.write(root);
    }

    private static ObjectNode rules(DriftRules r) {
        ObjectNode o = Json.object();
        o.put("alpha", r.alpha());
        o.put("min_wasserstein", r.minWasserstein());
        o.put("min_js", r.minJs());
        o.put("min_z", r.minZ());
        o.put("min_share_change", r.minShareChange());
        o.put("prior", r.prior());
        o.put("min_term_count", r.minTermCount());
        ArrayNode d = o.putArray("disabled");
        r.disabled().stream().sorted().forEach(d::add);
        return o;
    }

    private static ArrayNode files(List<FileReport> files) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (FileReport f : files) {
            a.addObject().put("file", f.name()).put("format", f.format()).put("records", f.records())
                    .put("bad_records", f.bad());
        }
        return a;
    }

    private static ArrayNode shifts(List<TermShift> shifts) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (TermShift s : shifts) {
            ObjectNode o = a.addObject();
            o.put("term", s.term());
            Json.put(o, "z", s.z());
            o.put("baseline", s.baseline());
            o.put("current", s.current());
            o.put("new", s.isNew());
        }
        return a;
    }

    static String csv(DriftReport r) {
        StringBuilder sb = new StringBuilder("group,window,feature,kind,test,statistic,p_value,p_adjusted,effect_name,"
                + "effect,threshold,psi,js,n_baseline,n_current,drifted\n");
        for (GroupDrift g : r.groups()) {
            for (FeatureDrift fd : g.features()) {
                List<String> cells = new ArrayList<>(List.of(g.label(), g.window(), fd.feature(), fd.kind(), fd.test(),
                        n(fd.statistic()), n(fd.pValue()), n(fd.pAdjusted()), fd.effectName(), n(fd.effect()),
                        n(fd.threshold()), n(fd.psi()), n(fd.js()), Long.toString(fd.nBaseline()),
                        Long.toString(fd.nCurrent()), Boolean.toString(fd.drifted())));
                sb.append(String.join(",", cells.stream().map(DriftRender::csvCell).toList())).append('\n');
            }
        }
        return sb.toString();
    }

    private static String n(double v) {
        return Double.isNaN(v) ? "" : Numbers.plain(v);
    }

    private static String csvCell(String c) {
        return c.contains(",") || c.contains("\"") ? '"' + c.replace("\"", "\"\"") + '"' : c;
    }
}

package dev.mlops.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.analysis.HealthReport;
import dev.mlops.analysis.HealthReport.Severity;
import java.util.List;
import java.util.Locale;

/** Renders a {@link HealthReport} as a table, Markdown or JSON ({@value HealthReport#SCHEMA}). */
public final class HealthRender {
    private HealthRender() {
    }

    public static String render(HealthReport r, OutputFormat f, String toolVersion) {
        return renderer(toolVersion).render(r, f);
    }

    /** The renderer of health reports. */
    public static Renderer<HealthReport> renderer(String toolVersion) {
        return (r, f) -> switch (f) {
            case JSON -> json(r, toolVersion);
            case CSV -> csv(r);
            case MARKDOWN -> text(r, true);
            case TABLE -> text(r, false);
        };
    }

    /** One row per finding, led by the version; the forgetting categories are in the JSON. */
    static String csv(HealthReport r) {
        List<TextTable> tables = new java.util.ArrayList<>();
        List<List<String>> leads = new java.util.ArrayList<>();
        for (HealthReport.Entry e : r.versions()) {
            TextTable t = TextTable.text(null, List.of("severity", "section", "check", "value", "finding"));
            for (HealthReport.Finding f : e.findings()) {
                t.row(List.of(f.severity().name().toLowerCase(Locale.ROOT), f.section(), f.check(),
                        Double.isNaN(f.value()) ? "" : Fmt.plain(f.value()), f.message()));
            }
            tables.add(t);
            leads.add(List.of(e.label()));
        }
        if (tables.isEmpty()) {
            return "version,severity,section,check,value,finding\n";
        }
        return TextTable.csv(List.of("version"), leads, tables);
    }

    static String text(HealthReport r, boolean markdown) {
        StringBuilder sb = new StringBuilder();
        for (HealthReport.Entry e : r.versions()) {
            TextTable t = TextTable.text(String.format(Locale.ROOT, "%s: %,d requests, %d critical, %d warning",
                    e.label(), e.requests(), e.count(Severity.CRITICAL), e.count(Severity.WARNING)),
                    List.of("severity", "section", "check", "finding"));
            for (HealthReport.Finding f : e.findings()) {
                t.row(List.of(f.severity().name(), f.section(), f.check(), f.message()));
            }
            sb.append(markdown ? t.markdown() : t.text()).append('\n');
        }
        if (r.forgetting() != null) {
            HealthReport.Forgetting fg = r.forgetting();
            TextTable t = new TextTable(String.format(Locale.ROOT, "forgetting: %s against %s, %d paired items",
                    name(fg.currentVersion()), name(fg.baselineVersion()), fg.paired()),
                    List.of("category", "paired", "passed before", "passed after", "lost", "gained", "score before",
                            "score after", "p (BH)", "verdict"));
            for (HealthReport.Category c : fg.categories()) {
                t.row(List.of(c.category(), Integer.toString(c.paired()), c.passBefore() < 0 ? "-" : Integer.toString(c.passBefore()),
                        c.passAfter() < 0 ? "-" : Integer.toString(c.passAfter()), Integer.toString(c.lostPasses()),
                        Integer.toString(c.gainedPasses()), Fmt.num(c.scoreBefore()), Fmt.num(c.scoreAfter()),
                        Double.isNaN(c.pAdjusted()) ? "-" : String.format(Locale.ROOT, "%.3g", c.pAdjusted()),
                        c.regressed() ? "REGRESSED" : "ok"));
            }
            sb.append(markdown ? t.markdown() : t.text()).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%d critical, %d warning%n", r.count(Severity.CRITICAL),
                r.count(Severity.WARNING)));
        return sb.toString();
    }

    private static String name(String v) {
        return v == null ? "(unnamed)" : v;
    }

    static String json(HealthReport r, String toolVersion) {
        ObjectNode root = Json.object();
        root.put("schema", HealthReport.SCHEMA);
        root.put("tool_version", toolVersion);
        counts(root.putObject("counts"), r.count(Severity.CRITICAL), r.count(Severity.WARNING), r.count(Severity.INFO));
        ArrayNode vs = root.putArray("versions");
        for (HealthReport.Entry e : r.versions()) {
            ObjectNode o = vs.addObject();
            o.put("version", e.key().getOrDefault("version", e.label()));
            ObjectNode key = o.putObject("key");
            e.key().forEach(key::put);
            o.put("requests", e.requests());
            counts(o.putObject("counts"), e.count(Severity.CRITICAL), e.count(Severity.WARNING), e.count(Severity.INFO));
            ArrayNode fs = o.putArray("findings");
            for (HealthReport.Finding f : e.findings()) {
                ObjectNode x = fs.addObject();
                x.put("section", f.section());
                x.put("check", f.check());
                x.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
                Json.put(x, "value", f.value());
                x.put("message", f.message());
            }
        }
        if (r.forgetting() == null) {
            root.putNull("forgetting");
        } else {
            HealthReport.Forgetting fg = r.forgetting();
            ObjectNode o = root.putObject("forgetting");
            o.put("baseline_version", fg.baselineVersion());
            o.put("current_version", fg.currentVersion());
            o.put("paired", fg.paired());
            ArrayNode cs = o.putArray("categories");
            for (HealthReport.Category c : fg.categories()) {
                ObjectNode x = cs.addObject();
                x.put("category", c.category());
                x.put("paired", c.paired());
                x.put("passed_before", c.passBefore());
                x.put("passed_after", c.passAfter());
                x.put("lost_passes", c.lostPasses());
                x.put("gained_passes", c.gainedPasses());
                Json.put(x, "score_before", c.scoreBefore());
                Json.put(x, "score_after", c.scoreAfter());
                Json.put(x, "p_passed", c.pPassed());
                Json.put(x, "p_score", c.pScore());
                Json.put(x, "p_adjusted", c.pAdjusted());
                x.put("regressed", c.regressed());
            }
            ArrayNode fl = o.putArray("flipped");
            fg.flipped().forEach(fl::add);
            ArrayNode ob = o.putArray("only_baseline");
            fg.onlyBaseline().forEach(ob::add);
            ArrayNode oc = o.putArray("only_current");
            fg.onlyCurrent().forEach(oc::add);
        }
        return Json.write(root);
    }

    private static void counts(ObjectNode o, long critical, long warning, long info) {
        o.put("critical", critical);
        o.put("warning", warning);
        o.put("info", info);
    }
}

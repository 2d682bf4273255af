package dev.mlops.report;

import dev.mlops.analysis.DriftReport;
import dev.mlops.analysis.DriftRules;
import dev.mlops.analysis.FeatureDrift;
import dev.mlops.analysis.GroupDrift;
import dev.mlops.analysis.TermShift;
import dev.mlops.logs.FileReport;
import dev.mlops.schema.Documents;
import dev.mlops.schema.DriftDoc;
import dev.mlops.text.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
            TextTable t = features(g);
            sb.append(markdown ? t.markdown() : t.text()).append('\n');
            for (TextTable terms : terms(g)) {
                sb.append(markdown ? terms.markdown() : terms.text()).append('\n');
            }
        }
        sb.append(r.drifted() ? "DRIFT: " + r.featuresDrifted() + " feature(s) drifted\n" : "no drift\n");
        return sb.toString();
    }

    /** One group's (or window's) features: test, statistic, adjusted p, effect and verdict. */
    public static TextTable features(GroupDrift g) {
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
        return t;
    }

    /** The rising, falling and new terms of a group, the lists that are not empty. */
    public static List<TextTable> terms(GroupDrift g) {
        List<TextTable> out = new ArrayList<>();
        for (var e : List.of(Map.entry("rising terms", g.rising()), Map.entry("falling terms", g.falling()),
                Map.entry("new terms", g.fresh()))) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            TextTable t = new TextTable(e.getKey() + " (counts are documents that hold the term, not occurrences)",
                    List.of("term", "z", "baseline docs", "current docs", ""));
            for (TermShift s : e.getValue()) {
                t.row(List.of(s.term(), String.format(Locale.ROOT, "%+.1f", s.z()), Fmt.count(s.baseline()),
                        Fmt.count(s.current()), s.isNew() ? "new" : ""));
            }
            out.add(t);
        }
        return out;
    }

    public static String verdict(GroupDrift g) {
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
        DriftRules u = r.rules();
        var rules = new DriftDoc.Rules(u.alpha(), u.minWasserstein(), u.minJs(), u.minZ(), u.minShareChange(),
                u.prior(), u.minTermCount(), u.disabled().stream().sorted().toList());
        var inputs = new DriftDoc.Inputs(files(r.baseline()), files(r.current()));
        return Documents.write(new DriftDoc(DriftDoc.SCHEMA, toolVersion, r.mode(), r.groupBy(), rules, inputs,
                r.drifted(), r.featuresDrifted(), Documents.num(r.maxPsi()),
                r.groups().stream().map(DriftRender::group).toList()));
    }

    private static DriftDoc.Group group(GroupDrift g) {
        var terms = new DriftDoc.Terms(shifts(g.rising()), shifts(g.falling()), shifts(g.fresh()));
        return new DriftDoc.Group(g.key(), g.window(), g.nBaseline(), g.nCurrent(), g.insufficient(), g.drifted(),
                g.featuresDrifted(), Documents.num(g.maxPsi()), g.features().stream().map(DriftRender::feature).toList(),
                terms);
    }

    private static DriftDoc.Feature feature(FeatureDrift f) {
        return new DriftDoc.Feature(f.feature(), f.kind(), f.test(), Documents.num(f.statistic()),
                Documents.num(f.bound()), Documents.num(f.pValue()), Documents.num(f.pAdjusted()), f.effectName(),
                Documents.num(f.effect()), Documents.num(f.threshold()), Documents.num(f.psi()), Documents.num(f.js()),
                f.nBaseline(), f.nCurrent(), f.unseen(), f.enabled(), f.drifted(), f.method());
    }

    private static List<DriftDoc.Input> files(List<FileReport> files) {
        return files.stream().map(f -> new DriftDoc.Input(f.name(), f.format(), f.records(), f.bad())).toList();
    }

    private static List<DriftDoc.Shift> shifts(List<TermShift> shifts) {
        return shifts.stream().map(s -> new DriftDoc.Shift(s.term(), Documents.num(s.z()), s.baseline(), s.current(),
                s.isNew())).toList();
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

package dev.mlops.report;

import dev.mlops.analysis.HealthReport.Severity;
import dev.mlops.analysis.HealthReport;
import dev.mlops.schema.Documents;
import dev.mlops.schema.HealthDoc;
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
            TextTable t = findings(e);
            sb.append(markdown ? t.markdown() : t.text()).append('\n');
        }
        if (r.forgetting() != null) {
            TextTable t = forgetting(r.forgetting());
            sb.append(markdown ? t.markdown() : t.text()).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%d critical, %d warning%n", r.count(Severity.CRITICAL),
                r.count(Severity.WARNING)));
        return sb.toString();
    }

    /** One version's findings, the gravest first. */
    public static TextTable findings(HealthReport.Entry e) {
        TextTable t = TextTable.text(String.format(Locale.ROOT, "%s: %,d requests, %d critical, %d warning",
                e.label(), e.requests(), e.count(Severity.CRITICAL), e.count(Severity.WARNING)),
                List.of("severity", "section", "check", "finding"));
        for (HealthReport.Finding f : e.findings()) {
            t.row(List.of(f.severity().name(), f.section(), f.check(), f.message()));
        }
        return t;
    }

    /** The canary evals compared per category. */
    public static TextTable forgetting(HealthReport.Forgetting fg) {
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
        return t;
    }

    private static String name(String v) {
        return v == null ? "(unnamed)" : v;
    }

    static String json(HealthReport r, String toolVersion) {
        HealthReport.Forgetting fg = r.forgetting();
        HealthDoc.Forgetting forgetting = fg == null ? null : new HealthDoc.Forgetting(fg.baselineVersion(),
                fg.currentVersion(), fg.paired(), fg.categories().stream().map(HealthRender::category).toList(),
                fg.flipped(), fg.onlyBaseline(), fg.onlyCurrent());
        return Documents.write(new HealthDoc(HealthDoc.SCHEMA, toolVersion,
                new HealthDoc.Counts(r.count(Severity.CRITICAL), r.count(Severity.WARNING), r.count(Severity.INFO)),
                r.versions().stream().map(HealthRender::version).toList(), forgetting));
    }

    private static HealthDoc.Version version(HealthReport.Entry e) {
        var counts = new HealthDoc.Counts(e.count(Severity.CRITICAL), e.count(Severity.WARNING), e.count(Severity.INFO));
        var findings = e.findings().stream().map(f -> new HealthDoc.Finding(f.section(), f.check(),
                f.severity().name().toLowerCase(Locale.ROOT), Documents.num(f.value()), f.message())).toList();
        return new HealthDoc.Version(e.key().getOrDefault("version", e.label()), e.key(), e.requests(), counts,
                findings);
    }

    private static HealthDoc.Category category(HealthReport.Category c) {
        return new HealthDoc.Category(c.category(), c.paired(), c.passBefore(), c.passAfter(), c.lostPasses(),
                c.gainedPasses(), Documents.num(c.scoreBefore()), Documents.num(c.scoreAfter()),
                Documents.num(c.pPassed()), Documents.num(c.pScore()), Documents.num(c.pAdjusted()), c.regressed());
    }
}

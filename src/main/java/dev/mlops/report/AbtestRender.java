package dev.mlops.report;

import dev.mlops.experiment.AbReport;
import dev.mlops.schema.AbtestDoc;
import dev.mlops.schema.Documents;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link AbReport}: the trust checks and warnings first, in every format (CSV writes
 * them as leading "# " lines), then one row per metric and arm with the lift's interval drawn as
 * a small bar, p, adjusted p and the verdict; JSON is {@value AbReport#SCHEMA}.
 */
public final class AbtestRender {
    private AbtestRender() {
    }

    public static Renderer<AbReport> renderer(String toolVersion) {
        return (r, f) -> switch (f) {
            case JSON -> Documents.write(doc(r, toolVersion));
            case CSV -> csv(r);
            case MARKDOWN -> text(r, true);
            case TABLE -> text(r, false);
        };
    }

    static String text(AbReport r, boolean markdown) {
        StringBuilder sb = new StringBuilder();
        sb.append(markdown ? "## mlops abtest\n\n" : "mlops abtest\n");
        sb.append(String.format(Locale.ROOT, "%sarms by %s, units by %s, control %s%n", markdown ? "" : "  ",
                r.armField().equals("arm") ? "arm (else version)" : r.armField(), r.unitField(), r.control()));
        sb.append(markdown ? "\n" : "").append(trust(r, markdown ? "- " : "  "));
        for (String w : r.warnings()) {
            sb.append(markdown ? "- **warning**: " : "  ! ").append(w).append('\n');
        }
        sb.append('\n');
        String title = (r.sequential() ? "always-valid (sequential) results, " : "results, ") + r.correction()
                + " over " + r.family();
        TextTable t = table(markdown ? null : title, r.comparisons(), false, r.alpha(), markdown);
        if (markdown) {
            sb.append(title).append("\n\n");
        }
        sb.append(markdown ? t.markdown() : t.text());
        if (!r.segments().isEmpty()) {
            String st = "by " + r.segmentField() + ", " + r.correction() + " over " + r.segmentFamily();
            TextTable s = table(markdown ? null : st, r.segments(), true, r.alpha(), markdown);
            sb.append('\n').append(markdown ? st + "\n\n" + s.markdown() : s.text());
            for (AbReport.Pooled p : r.pooled()) {
                if (!Double.isNaN(p.oddsRatio())) {
                    sb.append(String.format(Locale.ROOT, "%s%s, %s: Mantel-Haenszel odds ratio over the segments %s "
                            + "(CMH p %s)%n", markdown ? "\n" : "", p.metric(), p.arm(), Fmt.num(p.oddsRatio()),
                            Fmt.significant(p.cmhP(), 3)));
                }
            }
        }
        return sb.toString();
    }

    /** The trust checks as lines: the sample-ratio test and the units per arm. */
    public static List<String> trust(AbReport r) {
        return List.of(trust(r, "").split("\n"));
    }

    private static String trust(AbReport r, String bullet) {
        AbReport.Srm srm = r.trust().srm();
        String ratio = srm.skipped() != null ? "skipped (" + srm.skipped() + ")"
                : String.format(Locale.ROOT, "%s (chi2 %.2f, p %s)", srm.flagged() ? "MISMATCH" : "ok", srm.chi2(),
                        Fmt.significant(srm.p(), 3));
        List<String> arms = new ArrayList<>();
        for (AbReport.Arm a : r.arms()) {
            arms.add(String.format(Locale.ROOT, "%s %s (%.1f%%, expected %.1f%%)", a.name(), Fmt.count(a.units()),
                    a.share() * 100, a.expectedShare() * 100));
        }
        return bullet + "sample ratio: " + ratio + "\n" + bullet + "units: " + String.join(", ", arms)
                + (r.trust().multiArmUnits() > 0 ? "; " + Fmt.count(r.trust().multiArmUnits()) + " in several arms" : "")
                + "\n";
    }

    /** The comparisons: the table leaves the means out to fit 80 columns; Markdown has them. */
    public static TextTable table(String title, List<AbReport.Comparison> rows, boolean segments, double alpha,
                                  boolean means) {
        List<String> h = new ArrayList<>();
        if (segments) {
            h.add("segment");
        }
        h.addAll(List.of("metric", "arm"));
        if (means) {
            h.addAll(List.of("control", "arm mean"));
        }
        h.addAll(List.of("lift [" + Math.round((1 - alpha) * 100) + "% CI]", "", "p", "p adj", "verdict"));
        TextTable t = new TextTable(title, h);
        double scale = 0;
        for (AbReport.Comparison c : rows) {
            scale = Math.max(scale, Math.max(Math.abs(finite(c.liftLow())), Math.abs(finite(c.liftHigh()))));
        }
        for (AbReport.Comparison c : rows) {
            List<String> cells = new ArrayList<>();
            if (segments) {
                cells.add(c.segment());
            }
            cells.addAll(List.of(c.metric(), c.arm()));
            if (means) {
                boolean rate = c.metric().endsWith("_rate") || c.metric().equals("thumbs_up")
                        || c.metric().endsWith(":rate") || c.metric().endsWith(":any");
                cells.add(rate ? Fmt.percent(c.meanControl()) : Fmt.num(c.meanControl()));
                cells.add(rate ? Fmt.percent(c.meanArm()) : Fmt.num(c.meanArm()));
            }
            cells.addAll(List.of(Double.isNaN(c.lift()) ? "-" : String.format(Locale.ROOT, "%s [%s, %s]", pct(c.lift()),
                            pct(c.liftLow()).replace("%", ""), pct(c.liftHigh()).replace("%", "")),
                    RangeBar.lift(c.liftLow(), c.lift(), c.liftHigh(), scale), p(c.p()), p(c.pAdjusted()), c.verdict()));
            t.row(cells);
        }
        return t;
    }

    /** A p-value for people: two significant digits, three decimals below 0.01, and "<0.001" below that. */
    static String p(double p) {
        if (Double.isNaN(p)) {
            return "-";
        }
        if (p < 0.001) {
            return "<0.001";
        }
        return p < 0.01 ? String.format(Locale.ROOT, "%.3f", p) : Fmt.significant(p, 2);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%+.1f%%", v * 100);
    }

    static String csv(AbReport r) {
        StringBuilder sb = new StringBuilder();
        AbReport.Srm srm = r.trust().srm();
        sb.append(String.format(Locale.ROOT, "# sample ratio: %s%n", srm.skipped() != null ? "skipped, " + srm.skipped()
                : (srm.flagged() ? "mismatch" : "ok") + ", chi2 " + Fmt.plain(srm.chi2()) + ", p " + Fmt.plain(srm.p())));
        for (String w : r.warnings()) {
            sb.append("# warning: ").append(w).append('\n');
        }
        TextTable t = new TextTable(null, List.of("segment", "metric", "arm", "control", "test", "units_control",
                "units_arm", "mean_control", "mean_arm", "difference", "difference_low", "difference_high", "lift",
                "lift_low", "lift_high", "p", "p_fixed", "p_adjusted", "significant", "mde", "verdict"));
        List<AbReport.Comparison> all = new ArrayList<>(r.comparisons());
        all.addAll(r.segments());
        for (AbReport.Comparison c : all) {
            t.row(List.of(c.segment() == null ? "" : c.segment(), c.metric(), c.arm(), c.control(), c.test(),
                    Long.toString(c.unitsControl()), Long.toString(c.unitsArm()), Fmt.plain(c.meanControl()),
                    Fmt.plain(c.meanArm()), Fmt.plain(c.difference()), Fmt.plain(c.differenceLow()),
                    Fmt.plain(c.differenceHigh()), Fmt.plain(c.lift()), Fmt.plain(c.liftLow()), Fmt.plain(c.liftHigh()),
                    Fmt.plain(c.p()), Fmt.plain(c.pFixed()), Fmt.plain(c.pAdjusted()), Boolean.toString(c.significant()),
                    Fmt.plain(c.mde()), c.verdict()));
        }
        return sb.append(t.csv()).toString();
    }

    static AbtestDoc doc(AbReport r, String toolVersion) {
        AbReport.Trust t = r.trust();
        AbReport.Srm s = t.srm();
        return new AbtestDoc(AbtestDoc.SCHEMA, toolVersion, r.armField(), r.unitField(), r.control(), r.controlChosen(),
                r.segmentField(), r.alpha(), r.correction(), r.sequential(), r.nStar(), r.warnings(),
                new AbtestDoc.Trust(t.records(), t.withoutUnit(), t.withoutArm(), t.units(), t.multiArmUnits(),
                        new AbtestDoc.Srm(Documents.num(s.chi2()), Documents.num(s.p()), s.flagged(), s.skipped()),
                        t.coverage().stream().map(c -> new AbtestDoc.Coverage(c.metric(), c.units(), c.without())).toList()),
                r.arms().stream().map(a -> new AbtestDoc.Arm(a.name(), a.units(), Documents.num(a.share()),
                        Documents.num(a.expectedShare()))).toList(),
                r.family(), r.comparisons().stream().map(AbtestRender::comparison).toList(), r.segmentFamily(),
                r.segments().stream().map(AbtestRender::comparison).toList(),
                r.pooled().stream().map(p -> new AbtestDoc.Pooled(p.metric(), p.arm(), p.simpson(),
                        Documents.num(p.oddsRatio()), Documents.num(p.cmhP()))).toList());
    }

    private static AbtestDoc.Comparison comparison(AbReport.Comparison c) {
        return new AbtestDoc.Comparison(c.segment(), c.metric(), c.arm(), c.control(), c.test(), c.unitsControl(),
                c.unitsArm(), Documents.num(c.meanControl()), Documents.num(c.meanArm()), Documents.num(c.difference()),
                Documents.num(c.differenceLow()), Documents.num(c.differenceHigh()), Documents.num(c.lift()),
                Documents.num(c.liftLow()), Documents.num(c.liftHigh()), Documents.num(c.p()), Documents.num(c.pFixed()),
                Documents.num(c.pAdjusted()), c.significant(), Documents.num(c.mde()),
                c.cuped() == null ? null : new AbtestDoc.Cuped(c.cuped().theta(), c.cuped().varianceReduction(),
                        c.cuped().unitsWithPre()), c.verdict());
    }
}

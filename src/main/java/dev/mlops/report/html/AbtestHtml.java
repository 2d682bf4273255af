package dev.mlops.report.html;

import dev.mlops.experiment.AbReport;
import dev.mlops.report.AbtestRender;
import dev.mlops.report.Fmt;
import dev.mlops.report.TextTable;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mlops abtest --html}: the trust checks as a banner first (a sample-ratio mismatch makes
 * every result untrustworthy), the verdict, then forest plots of the lifts with their intervals,
 * over all units and per segment.
 */
public final class AbtestHtml {
    private AbtestHtml() {
    }

    public static String render(AbReport r, String toolVersion) {
        Page page = new Page("mlops abtest", "mlops " + toolVersion + " · " + AbReport.SCHEMA);
        AbReport.Srm srm = r.trust().srm();
        if (srm.flagged()) {
            page.banner(Page.Level.BAD, "sample ratio MISMATCH (p " + Fmt.significant(srm.p(), 3)
                    + "): the split is not what was planned, so no result below can be trusted");
        } else if (srm.skipped() != null) {
            page.banner(Page.Level.WARN, "sample-ratio test skipped: " + srm.skipped());
        }
        if (r.trust().multiArmUnits() > 0) {
            page.banner(Page.Level.WARN, Fmt.count(r.trust().multiArmUnits()) + " units were seen in more than one arm "
                    + "and are left out of every metric");
        }
        r.warnings().forEach(w -> page.banner(Page.Level.WARN, "warning: " + w));
        List<String> worse = new ArrayList<>();
        List<String> better = new ArrayList<>();
        for (AbReport.Comparison c : r.comparisons()) {
            (c.verdict().equals("worse") ? worse : c.verdict().equals("better") ? better : new ArrayList<String>())
                    .add(c.arm() + " on " + c.metric());
        }
        Page.Level level = srm.flagged() || !worse.isEmpty() ? Page.Level.BAD : better.isEmpty() ? Page.Level.WARN
                : Page.Level.OK;
        String verdict = srm.flagged() ? "MISMATCH: fix the split before reading the results"
                : !worse.isEmpty() ? "worse: " + String.join(", ", worse) + (better.isEmpty() ? "" : "; better: "
                + String.join(", ", better)) : !better.isEmpty() ? "better: " + String.join(", ", better)
                : "inconclusive: no metric moved significantly";
        List<String> facts = new ArrayList<>(List.of("arms by " + r.armField() + ", units by " + r.unitField()
                + ", control " + r.control(), Fmt.count(r.trust().records()) + " requests, " + Fmt.count(r.trust().units())
                + " units", (r.sequential() ? "always-valid (sequential) tests" : "fixed-horizon tests") + " at alpha "
                + Fmt.num(r.alpha()) + ", " + r.correction() + " over " + r.family()));
        facts.addAll(AbtestRender.trust(r));
        page.summary(level, verdict, facts);
        page.section("Lifts");
        forest(page, "lift against " + r.control() + " over all units", r.comparisons(), false, r.alpha());
        page.table(AbtestRender.table("results", r.comparisons(), false, r.alpha(), true));
        if (!r.segments().isEmpty()) {
            page.section("By " + r.segmentField());
            forest(page, "lift per " + r.segmentField(), r.segments(), true, r.alpha());
            page.table(AbtestRender.table("by " + r.segmentField() + ", " + r.correction() + " over " + r.segmentFamily(),
                    r.segments(), true, r.alpha(), true));
            for (AbReport.Pooled p : r.pooled()) {
                if (p.simpson()) {
                    page.banner(Page.Level.WARN, p.metric() + ", " + p.arm() + ": the pooled difference has the opposite "
                            + "sign to every segment's (Simpson's paradox)");
                }
            }
        }
        return page.html();
    }

    private static void forest(Page page, String caption, List<AbReport.Comparison> rows, boolean segments,
                               double alpha) {
        Forest f = new Forest(caption, 0).percent();
        for (AbReport.Comparison c : rows) {
            f.row((segments ? c.segment() + " · " : "") + c.metric() + ": " + c.arm(), c.lift(), c.liftLow(), c.liftHigh(),
                    c.verdict().equals("better") ? "ok" : c.verdict().equals("worse") ? "bad" : "");
        }
        TextTable t = AbtestRender.table(null, rows, segments, alpha, true);
        if (!f.isEmpty()) {
            page.figure(caption + " (relative; the line is no change; green better, red worse)", f.svg(),
                    Page.of(t));
        }
    }
}

package dev.mlops.report.html;

import dev.mlops.report.Fmt;
import dev.mlops.report.SelectRender;
import dev.mlops.report.TextTable;
import dev.mlops.selection.SelectReport;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mlops select --html}: how well the selection covers the source: the share of each stratum
 * (token-length bin and group) in the source and in the selection side by side, the length
 * measure's percentiles in both, and the Jensen-Shannon distances.
 */
public final class SelectHtml {
    private SelectHtml() {
    }

    public static String render(SelectReport r, String toolVersion) {
        Page page = new Page("mlops select", "mlops " + toolVersion + " · " + SelectReport.SCHEMA);
        boolean short_ = r.picked() < r.requested();
        List<String> facts = new ArrayList<>(List.of(r.allocate() + " allocation, seed " + r.seed() + ", "
                + r.outputFormat() + " output", Fmt.count(r.duplicates()) + " duplicates left out"));
        r.js().forEach((f, d) -> facts.add("Jensen-Shannon distance, source vs selection, " + f + ": "
                + Fmt.significant(d, 3)));
        r.redacted().forEach((k, v) -> facts.add("redacted " + k + ": " + Fmt.count(v)));
        page.summary(short_ ? Page.Level.WARN : Page.Level.OK, "picked " + Fmt.count(r.picked()) + " of "
                + Fmt.count(r.requested()) + " requested" + (short_ ? ": the source has too few eligible, distinct records"
                : ""), facts);
        page.section("Strata");
        List<String> labels = r.strata().stream().map(SelectReport.Stratum::label).toList();
        List<Long> source = r.strata().stream().map(SelectReport.Stratum::available).toList();
        List<Long> picked = r.strata().stream().map(SelectReport.Stratum::picked).toList();
        TextTable strata = SelectRender.strata(r);
        if (!labels.isEmpty()) {
            page.figure("share of each stratum in the source and in the selection", new Columns("strata", labels)
                    .series("source", Columns.shares(source)).series("selection", Columns.shares(picked)).svg(),
                    Page.of(strata));
        }
        page.table(strata);
        page.section("Tokens");
        List<String> marks = List.of("min", "p10", "p50", "p90", "p99", "max");
        XyChart q = new XyChart("length percentiles, source and selection").categories(marks).titles("percentile", "tokens")
                .series("source", percentiles(r.source())).series("selection", percentiles(r.selection()));
        TextTable tokens = SelectRender.tokens(r);
        page.figure("the length measure's percentiles in the source and in the selection", q.svg(),
                Page.of(tokens));
        return page.html();
    }

    private static List<XyChart.Point> percentiles(SelectReport.Tokens t) {
        double[] v = {t.min(), t.p10(), t.p50(), t.p90(), t.p99(), t.max()};
        List<XyChart.Point> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            out.add(new XyChart.Point(i, v[i]));
        }
        return out;
    }
}

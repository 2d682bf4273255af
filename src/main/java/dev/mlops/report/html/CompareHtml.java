package dev.mlops.report.html;

import dev.mlops.preference.CompareReport;
import dev.mlops.report.CompareRender;
import dev.mlops.report.Fmt;
import dev.mlops.report.TextTable;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mlops compare --html}: the leaderboard as a forest plot of ratings with their bootstrap
 * intervals, the win matrix as a heatmap, position bias per judge against one half, and the
 * length-controlled and per-segment ratings.
 */
public final class CompareHtml {
    /** Models drawn in the heatmap; a larger matrix is in the JSON and CSV. */
    static final int HEATMAP_MODELS = 30;

    private CompareHtml() {
    }

    public static String render(CompareReport r, String toolVersion) {
        Page page = new Page("mlops compare", "mlops " + toolVersion + " · " + CompareReport.SCHEMA);
        List<CompareReport.Rated> ranked = r.models().stream().filter(m -> m.rank() > 0).toList();
        String verdict = ranked.isEmpty() ? "no model has enough votes to rank"
                : "rank 1: " + String.join(", ", ranked.stream().filter(m -> m.rank() == 1).map(CompareReport.Rated::model)
                .toList());
        boolean biased = r.bias().stream().anyMatch(b -> b.p() < 0.05);
        List<String> facts = new ArrayList<>(List.of(Fmt.count(r.votes()) + " votes (" + Fmt.count(r.ties()) + " ties), "
                + r.models().size() + " models", r.method() + ", " + r.bootstrap() + " bootstrap fits (seed " + r.seed() + ")"));
        r.warnings().forEach(w -> facts.add("warning: " + w));
        page.summary(ranked.isEmpty() || biased || !r.warnings().isEmpty() ? Page.Level.WARN : Page.Level.OK, verdict, facts);
        if (biased) {
            page.banner(Page.Level.WARN, "position bias: a judge picks the first answer more often than chance (p < 0.05)");
        }
        page.section("Ratings");
        ratings(page, "rating per model with its 95% bootstrap interval", r.models());
        page.table(CompareRender.leaderboard(r.models()));
        matrix(page, r);
        bias(page, r);
        if (r.lengths() != null) {
            CompareReport.LengthControl lc = r.lengths();
            page.section("Length control");
            double mean = lc.raw().stream().mapToDouble(Double::doubleValue).average().orElse(0);
            Forest chart = new Forest("raw and length-controlled ratings", mean);
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < lc.names().size(); i++) {
                double raw = lc.raw().get(i);
                double c = lc.controlled().get(i);
                chart.row(lc.names().get(i) + ": raw", raw, Math.min(raw, c), Math.max(raw, c), "")
                        .row(lc.names().get(i) + ": length-controlled", c, Math.min(raw, c), Math.max(raw, c), "ok");
                rows.add(List.of(lc.names().get(i), Fmt.num(raw), Fmt.num(c)));
            }
            page.figure("each model's rating, raw and with length controlled (green); gamma " + Fmt.num(lc.gamma())
                    + " per sd of the normalised length difference, over " + Fmt.count(lc.votes()) + " votes", chart.svg(), new Page.Table(List.of("model", "raw",
                    "length-controlled"), rows));
        }
        for (CompareReport.Segment s : r.segments()) {
            page.section("Segment " + s.segment() + ": " + Fmt.count(s.votes()) + " votes");
            ratings(page, "ratings in " + s.segment(), s.models());
        }
        return page.html();
    }

    private static void ratings(Page page, String caption, List<CompareReport.Rated> models) {
        double mean = models.stream().mapToDouble(CompareReport.Rated::rating).filter(Double::isFinite).average().orElse(0);
        Forest f = new Forest(caption, mean);
        for (CompareReport.Rated m : models) {
            f.row((m.rank() == 0 ? "" : m.rank() + ". ") + m.model(), m.rating(), m.low(), m.high(),
                    m.rank() == 1 ? "ok" : m.rank() == 0 ? "warn" : "");
        }
        TextTable t = CompareRender.leaderboard(models);
        if (!f.isEmpty()) {
            page.figure(caption + " (the dashed line is the mean rating; yellow: too few votes to rank)", f.svg(),
                    Page.of(t));
        }
    }

    private static void matrix(Page page, CompareReport r) {
        int n = r.names().size();
        if (n < 2) {
            return;
        }
        page.section("Win matrix");
        if (n > HEATMAP_MODELS) {
            page.note("The win matrix of " + n + " models is in the JSON and CSV reports.");
            return;
        }
        double[][] share = new double[n][n];
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> row = new ArrayList<>(List.of(r.names().get(i)));
            for (int j = 0; j < n; j++) {
                share[i][j] = i == j ? Double.NaN : r.winRate().get(i).get(j);
                row.add(Double.isNaN(share[i][j]) ? "-" : Fmt.percent(share[i][j]));
            }
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of("row beat column"));
        header.addAll(r.names());
        page.figure("share of votes the row model won against the column model (ties half); red above 50%, blue below",
                Heatmap.svg("win matrix", r.names(), share), new Page.Table(header, rows));
    }

    private static void bias(Page page, CompareReport r) {
        if (r.bias().isEmpty()) {
            return;
        }
        page.section("Position bias");
        Forest f = new Forest("share of decided votes won by the first answer", 0.5);
        List<List<String>> rows = new ArrayList<>();
        for (CompareReport.Bias b : r.bias()) {
            f.row(b.judge(), b.share(), b.low(), b.high(), b.p() < 0.05 ? "warn" : "");
            rows.add(List.of(b.judge(), Fmt.count(b.decided()), Fmt.percent(b.share()), Fmt.percent(b.low()),
                    Fmt.percent(b.high()), Fmt.significant(b.p(), 2)));
        }
        page.figure("first answer's share of decided votes, 95% interval, against one half", f.svg(),
                new Page.Table(List.of("judge", "decided", "first won", "low", "high", "p"), rows));
        if (r.agreement() != null) {
            CompareReport.Agreement a = r.agreement();
            page.note(String.format(java.util.Locale.ROOT, "Agreement: %,d items voted by %d judges, %s agree, %s kappa %s.",
                    a.items(), a.judges(), Fmt.percent(a.percent()), a.statistic().equals("cohen") ? "Cohen's" : "Fleiss'",
                    Fmt.num(a.kappa())));
        }
    }
}

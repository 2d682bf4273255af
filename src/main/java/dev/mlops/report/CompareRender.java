package dev.mlops.report;

import dev.mlops.preference.CompareReport;
import dev.mlops.schema.CompareDoc;
import dev.mlops.schema.Documents;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link CompareReport}: the leaderboard (rank, rating, its interval as a small bar,
 * votes, win rate), then position bias and agreement, then the win matrix (up to 12 models; more only
 * in JSON and CSV). JSON is {@value CompareReport#SCHEMA}; CSV is the leaderboard.
 */
public final class CompareRender {
    /** The most models whose win matrix is printed in the table and Markdown. */
    public static final int MATRIX_MODELS = 12;

    private CompareRender() {
    }

    public static Renderer<CompareReport> renderer(String toolVersion) {
        return (r, f) -> switch (f) {
            case JSON -> Documents.write(doc(r, toolVersion));
            case CSV -> csv(r);
            case MARKDOWN -> text(r, true);
            case TABLE -> text(r, false);
        };
    }

    static String text(CompareReport r, boolean markdown) {
        StringBuilder sb = new StringBuilder(markdown ? "## mlops compare\n\n" : "mlops compare\n");
        sb.append(String.format(Locale.ROOT, "%s%,d votes (%,d ties), %s, %d bootstrap fits (seed %d)%n",
                markdown ? "" : "  ", r.votes(), r.ties(), r.method(), r.bootstrap(), r.seed()));
        for (String w : r.warnings()) {
            sb.append(markdown ? "- **warning**: " : "  ! ").append(w).append('\n');
        }
        sb.append('\n');
        TextTable t = leaderboard(r.models());
        sb.append(markdown ? t.markdown() : t.text());
        if (!r.bias().isEmpty()) {
            TextTable b = TextTable.text(null, List.of("judge", "decided", "first won", "95% CI", "p"));
            for (CompareReport.Bias x : r.bias()) {
                b.row(List.of(x.judge(), Fmt.count(x.decided()), Fmt.percent(x.share()),
                        Fmt.percent(x.low()) + " to " + Fmt.percent(x.high()), Fmt.significant(x.p(), 2)));
            }
            sb.append(markdown ? "\nposition bias\n\n" + b.markdown() : "\nposition bias\n" + b.text());
        }
        if (r.agreement() != null) {
            CompareReport.Agreement a = r.agreement();
            sb.append(String.format(Locale.ROOT, "%nagreement: %,d items voted by %d judges, %s agree, %s kappa %s%n",
                    a.items(), a.judges(), Fmt.percent(a.percent()), a.statistic().equals("cohen") ? "Cohen's" : "Fleiss'",
                    Fmt.num(a.kappa())));
        }
        if (r.names().size() <= MATRIX_MODELS) {
            List<String> h = new ArrayList<>(List.of("win rate (row vs column)"));
            h.addAll(r.names());
            TextTable m = new TextTable(null, h);
            for (int i = 0; i < r.names().size(); i++) {
                List<String> row = new ArrayList<>(List.of(r.names().get(i)));
                for (int j = 0; j < r.names().size(); j++) {
                    double w = r.winRate().get(i).get(j);
                    row.add(i == j || Double.isNaN(w) ? "-" : String.format(Locale.ROOT, "%.2f", w));
                }
                m.row(row);
            }
            sb.append('\n').append(markdown ? m.markdown() : m.text());
        } else {
            sb.append(String.format(Locale.ROOT, "%nthe win matrix of %d models is in the JSON and CSV%n", r.names().size()));
        }
        if (r.lengths() != null) {
            CompareReport.LengthControl lc = r.lengths();
            TextTable l = new TextTable(null, List.of("model", "raw", "length-controlled", "change"));
            for (int i = 0; i < lc.names().size(); i++) {
                double raw = lc.raw().get(i);
                double c = lc.controlled().get(i);
                l.row(List.of(lc.names().get(i), Fmt.num(raw), Fmt.num(c), String.format(Locale.ROOT, "%+.1f", c - raw)));
            }
            String title = String.format(Locale.ROOT, "length control: %,d votes with both lengths, gamma %.3f per sd "
                    + "of the normalised length difference", lc.votes(), lc.gamma());
            sb.append('\n').append(title).append(markdown ? "\n\n" + l.markdown() : "\n" + l.text());
        }
        if (!r.baseline().isEmpty()) {
            TextTable bt = new TextTable(null, List.of("model", "baseline", "annotations", "win rate", "standard error",
                    "discrete"));
            for (CompareReport.AgainstBaseline b : r.baseline()) {
                bt.row(List.of(b.model(), b.baseline(), Fmt.count(b.annotations()), Fmt.percent(b.winRate()),
                        Fmt.percent(b.standardError()), Fmt.percent(b.discreteWinRate())));
            }
            sb.append("\nagainst the baseline (AlpacaEval)\n").append(markdown ? "\n" + bt.markdown() : bt.text());
        }
        for (CompareReport.Segment g : r.segments()) {
            String title = String.format(Locale.ROOT, "segment %s: %,d votes", g.segment(), g.votes());
            TextTable st = leaderboard(g.models());
            sb.append('\n').append(title).append(markdown ? "\n\n" + st.markdown() : "\n" + st.text());
        }
        return sb.toString();
    }

    public static TextTable leaderboard(List<CompareReport.Rated> models) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (CompareReport.Rated m : models) {
            lo = Math.min(lo, Double.isNaN(m.low()) ? m.rating() : m.low());
            hi = Math.max(hi, Double.isNaN(m.high()) ? m.rating() : m.high());
        }
        TextTable t = new TextTable(null, List.of("rank", "model", "rating", "95% CI", "", "votes", "win rate"));
        for (CompareReport.Rated m : models) {
            t.row(List.of(m.rank() == 0 ? "-" : Integer.toString(m.rank()), m.model(), Fmt.num(m.rating()),
                    Double.isNaN(m.low()) ? "-" : Fmt.num(m.low()) + " to " + Fmt.num(m.high()),
                    RangeBar.draw(m.low(), m.rating(), m.high(), lo, hi, 12, false), Fmt.count(m.votes()), Fmt.percent(m.winRate())));
        }
        return t;
    }

    /** The leaderboard, one row per model, with its win rate against every other model in a column each. */
    static String csv(CompareReport r) {
        List<String> h = new ArrayList<>(List.of("rank", "model", "rating", "rating_low", "rating_high", "votes", "wins",
                "losses", "ties", "win_rate"));
        r.names().forEach(n -> h.add("win_rate_vs_" + n));
        TextTable t = new TextTable(null, h);
        for (CompareReport.Rated m : r.models()) {
            List<String> row = new ArrayList<>(List.of(m.rank() == 0 ? "" : Integer.toString(m.rank()), m.model(),
                    Fmt.plain(m.rating()), Fmt.plain(m.low()), Fmt.plain(m.high()), Long.toString(m.votes()),
                    Long.toString(m.wins()), Long.toString(m.losses()), Long.toString(m.ties()), Fmt.plain(m.winRate())));
            int i = r.names().indexOf(m.model());
            for (int j = 0; j < r.names().size(); j++) {
                row.add(Fmt.plain(r.winRate().get(i).get(j)));
            }
            t.row(row);
        }
        StringBuilder sb = new StringBuilder();
        for (String w : r.warnings()) {
            sb.append("# warning: ").append(w).append('\n');
        }
        return sb.append(t.csv()).toString();
    }

    static CompareDoc doc(CompareReport r, String toolVersion) {
        List<List<Double>> rate = new ArrayList<>();
        for (List<Double> row : r.winRate()) {
            rate.add(row.stream().map(Documents::num).toList());
        }
        CompareReport.Agreement a = r.agreement();
        CompareReport.LengthControl lc = r.lengths();
        CompareDoc.LengthControl lengths = null;
        if (lc != null) {
            List<CompareDoc.Rating> ratings = new ArrayList<>();
            for (int i = 0; i < lc.names().size(); i++) {
                ratings.add(new CompareDoc.Rating(lc.names().get(i), Documents.num(lc.raw().get(i)),
                        Documents.num(lc.controlled().get(i))));
            }
            lengths = new CompareDoc.LengthControl(lc.votes(), Documents.num(lc.gamma()), ratings);
        }
        return new CompareDoc(CompareDoc.SCHEMA, toolVersion, r.method(), r.bootstrap(), r.seed(), r.minVotes(), r.votes(),
                r.ties(), r.warnings(), models(r.models()), r.names(), rate, r.voteCounts(),
                r.bias().stream().map(b -> new CompareDoc.Bias(b.judge(), b.decided(), b.first(), Documents.num(b.share()),
                        Documents.num(b.p()), Documents.num(b.low()), Documents.num(b.high()))).toList(),
                a == null ? null : new CompareDoc.Agreement(a.items(), a.judges(), Documents.num(a.percent()), a.statistic(),
                        Documents.num(a.kappa())), lengths, r.segments().stream().map(g -> new CompareDoc.Segment(g.segment(),
                        g.votes(), models(g.models()))).toList(), r.baseline().stream().map(b -> new CompareDoc.AgainstBaseline(
                        b.model(), b.baseline(), b.annotations(), Documents.num(b.winRate()), Documents.num(b.standardError()),
                        Documents.num(b.discreteWinRate()))).toList());
    }

    private static List<CompareDoc.Model> models(List<CompareReport.Rated> models) {
        return models.stream().map(m -> new CompareDoc.Model(m.model(), Documents.num(m.rating()), Documents.num(m.low()),
                Documents.num(m.high()), m.rank() == 0 ? null : m.rank(), m.votes(), m.wins(), m.losses(), m.ties(),
                Documents.num(m.winRate()))).toList();
    }
}

package dev.mlops.preference;

import dev.mlops.stats.Agreement;
import dev.mlops.stats.Binomial;
import dev.mlops.stats.BradleyTerry;
import dev.mlops.stats.Quantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/** From votes to a {@link CompareReport}: ratings, bootstrap intervals, win rates, position bias, agreement. */
public final class CompareAnalysis {
    /**
     * How ratings are fitted.
     *
     * @param elo       online Elo (K 4, start 1000, in time order) instead of Bradley-Terry
     * @param anchor    the model whose rating is fixed, or null for a mean of 1000
     * @param anchorAt  its rating
     */
    public record Options(boolean elo, int bootstrap, long seed, int minVotes, String anchor, double anchorAt,
                          boolean controlLength, boolean segments) {
        /** Options without length control or segments. */
        public Options(boolean elo, int bootstrap, long seed, int minVotes, String anchor, double anchorAt) {
            this(elo, bootstrap, seed, minVotes, anchor, anchorAt, false, false);
        }
    }

    /** The position-bias row of all judges together, when there are several. */
    public static final String ALL_JUDGES = "(all judges)";

    private CompareAnalysis() {
    }

    public static CompareReport analyze(List<Vote> votes, Options o) {
        TreeSet<String> sorted = new TreeSet<>();
        votes.forEach(v -> {
            sorted.add(v.modelA());
            sorted.add(v.modelB());
        });
        List<String> names = new ArrayList<>(sorted);
        if (votes.isEmpty()) {
            throw new IllegalArgumentException("no vote was read");
        }
        if (names.size() < 2) {
            throw new IllegalArgumentException("the votes name only one model (" + names.get(0) + ")");
        }
        if (o.anchor() != null && !names.contains(o.anchor())) {
            throw new IllegalArgumentException("--anchor " + o.anchor() + ": no vote names it (models: "
                    + String.join(", ", names) + ")");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        int n = names.size();
        int[] a = new int[votes.size()];
        int[] b = new int[votes.size()];
        double[] s = new double[votes.size()];
        long ties = 0;
        for (int v = 0; v < votes.size(); v++) {
            a[v] = index.get(votes.get(v).modelA());
            b[v] = index.get(votes.get(v).modelB());
            s[v] = votes.get(v).outcome().scoreOfA();
            ties += votes.get(v).outcome().decided() ? 0 : 1;
        }
        int anchor = o.anchor() == null ? -1 : names.indexOf(o.anchor());
        int[] inTime = timeOrder(votes);
        double[] rating = o.elo() ? elo(n, a, b, s, inTime, null, o, anchor) : anchored(bradleyTerry(n, a, b, s), o, anchor);
        double[][] boot = o.elo() ? eloBootstrap(n, a, b, s, inTime, o, anchor)
                : Categories.of(n, a, b, s).bootstrap(o, rating, anchor);
        long[][] count = new long[n][n];
        double[][] won = new double[n][n];
        long[] wins = new long[n];
        long[] losses = new long[n];
        long[] tied = new long[n];
        for (int v = 0; v < a.length; v++) {
            count[a[v]][b[v]]++;
            count[b[v]][a[v]]++;
            won[a[v]][b[v]] += s[v];
            won[b[v]][a[v]] += 1 - s[v];
            if (s[v] == 1) {
                wins[a[v]]++;
                losses[b[v]]++;
            } else if (s[v] == 0) {
                wins[b[v]]++;
                losses[a[v]]++;
            } else {
                tied[a[v]]++;
                tied[b[v]]++;
            }
        }
        List<String> warnings = new ArrayList<>();
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            double[] x = boot[i].clone();
            Arrays.sort(x);
            low[i] = o.bootstrap() == 0 ? Double.NaN : Quantiles.linear(x, x.length, 0.025);
            high[i] = o.bootstrap() == 0 ? Double.NaN : Quantiles.linear(x, x.length, 0.975);
        }
        List<CompareReport.Rated> models = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long votesOf = wins[i] + losses[i] + tied[i];
            int rank = 0;
            if (votesOf >= o.minVotes()) {
                rank = 1;
                for (int j = 0; j < n; j++) {
                    long other = wins[j] + losses[j] + tied[j];
                    if (j != i && other >= o.minVotes() && low[j] > high[i]) {
                        rank++;
                    }
                }
            } else {
                warnings.add(String.format(Locale.ROOT, "%s has %d vote%s, fewer than --min-votes %d: listed, not ranked",
                        names.get(i), votesOf, votesOf == 1 ? "" : "s", o.minVotes()));
            }
            models.add(new CompareReport.Rated(names.get(i), rating[i], low[i], high[i], rank, votesOf, wins[i],
                    losses[i], tied[i], votesOf == 0 ? Double.NaN : (wins[i] + 0.5 * tied[i]) / votesOf));
        }
        models.sort(Comparator.comparingDouble((CompareReport.Rated r) -> -r.rating()).thenComparing(CompareReport.Rated::model));
        List<List<Double>> rate = new ArrayList<>();
        List<List<Long>> counts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Double> row = new ArrayList<>();
            List<Long> crow = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                row.add(count[i][j] == 0 ? Double.NaN : won[i][j] / count[i][j]);
                crow.add(count[i][j]);
            }
            rate.add(row);
            counts.add(crow);
        }
        List<CompareReport.Bias> bias = bias(votes, warnings);
        CompareReport.LengthControl lengths = o.controlLength() ? lengths(votes, names, index, warnings) : null;
        List<CompareReport.Segment> segments = o.segments() ? segments(votes, o, warnings) : List.of();
        return new CompareReport(o.elo() ? "elo" : "bradley-terry", o.bootstrap(), o.seed(), o.minVotes(), votes.size(),
                ties, models, names, rate, counts, bias, agreement(votes), lengths, segments, againstBaseline(votes), warnings);
    }

    /** For AlpacaEval annotations: each generator_2 against its generator_1, by model then baseline. */
    private static List<CompareReport.AgainstBaseline> againstBaseline(List<Vote> votes) {
        Map<String, List<Double>> by = new TreeMap<>();
        for (Vote v : votes) {
            if (!Double.isNaN(v.preference())) {
                by.computeIfAbsent(v.modelB() + "\u0001" + v.modelA(), k -> new ArrayList<>()).add(v.preference() - 1);
            }
        }
        List<CompareReport.AgainstBaseline> out = new ArrayList<>();
        by.forEach((key, x) -> {
            String[] mb = key.split("\u0001");
            double mean = x.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double ss = 0;
            double discrete = 0;
            for (double d : x) {
                ss += (d - mean) * (d - mean);
                discrete += d > 0.5 ? 1 : d == 0.5 ? 0.5 : 0;
            }
            double se = x.size() < 2 ? Double.NaN : Math.sqrt(ss / (x.size() - 1)) / Math.sqrt(x.size());
            out.add(new CompareReport.AgainstBaseline(mb[0], mb[1], x.size(), mean, se, discrete / x.size()));
        });
        return out;
    }

    /** A leaderboard per segment; a vote without one is in "(none)". */
    private static List<CompareReport.Segment> segments(List<Vote> votes, Options o, List<String> warnings) {
        Map<String, List<Vote>> by = new TreeMap<>();
        votes.forEach(v -> by.computeIfAbsent(v.segment() == null ? "(none)" : v.segment(), k -> new ArrayList<>()).add(v));
        List<CompareReport.Segment> out = new ArrayList<>();
        Options inner = new Options(o.elo(), o.bootstrap(), o.seed(), o.minVotes(), o.anchor(), o.anchorAt());
        by.forEach((segment, vs) -> {
            TreeSet<String> models = new TreeSet<>();
            vs.forEach(v -> {
                models.add(v.modelA());
                models.add(v.modelB());
            });
            if (models.size() < 2 || (o.anchor() != null && !models.contains(o.anchor()))) {
                warnings.add("segment " + segment + ": " + vs.size() + " votes, too few models to rate");
                return;
            }
            CompareReport r = analyze(vs, inner);
            long unranked = r.models().stream().filter(m -> m.rank() == 0).count();
            if (unranked > 0) {
                warnings.add(String.format(Locale.ROOT, "segment %s: %,d votes; %d of %d models have fewer than "
                        + "--min-votes %d there", segment, vs.size(), unranked, r.models().size(), o.minVotes()));
            }
            out.add(new CompareReport.Segment(segment, vs.size(), r.models()));
        });
        return out;
    }

    /**
     * Ratings with the standardised length difference (len_a − len_b) / (len_a + len_b) as a covariate,
     * beside plain Bradley-Terry on the same votes (those with both lengths).
     */
    private static CompareReport.LengthControl lengths(List<Vote> votes, List<String> names, Map<String, Integer> index,
                                                       List<String> warnings) {
        List<Vote> with = votes.stream().filter(Vote::hasLengths).toList();
        if (with.size() < votes.size()) {
            warnings.add(String.format(Locale.ROOT, "--control-length: %,d of %,d votes have both responses' lengths; "
                    + "the controlled fit uses those", with.size(), votes.size()));
        }
        if (with.isEmpty()) {
            return null;
        }
        int k = with.size();
        int[] a = new int[k];
        int[] b = new int[k];
        double[] s = new double[k];
        double[] x = new double[k];
        double sum = 0;
        for (int v = 0; v < k; v++) {
            Vote vote = with.get(v);
            a[v] = index.get(vote.modelA());
            b[v] = index.get(vote.modelB());
            s[v] = vote.outcome().scoreOfA();
            double total = vote.lengthA() + vote.lengthB();
            x[v] = total == 0 ? 0 : (vote.lengthA() - vote.lengthB()) / total;
            sum += x[v];
        }
        double mean = sum / k;
        double var = 0;
        for (double d : x) {
            var += (d - mean) * (d - mean);
        }
        double sd = Math.sqrt(var / k);
        for (int v = 0; v < k; v++) {
            x[v] = sd == 0 ? 0 : (x[v] - mean) / sd;
        }
        dev.mlops.stats.StyleControl.Fit controlled = dev.mlops.stats.StyleControl.fit(names.size(), a, b, s, x, 1000);
        dev.mlops.stats.StyleControl.Fit raw = dev.mlops.stats.StyleControl.fit(names.size(), a, b, s, new double[k], 1000);
        List<Double> r = new ArrayList<>();
        List<Double> c = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            r.add(raw.ratings()[i]);
            c.add(controlled.ratings()[i]);
        }
        return new CompareReport.LengthControl(k, controlled.gamma(), names, r, c);
    }

    /** The votes' indices in time order (their timestamps, else their places in the input). */
    private static int[] timeOrder(List<Vote> votes) {
        Integer[] order = new Integer[votes.size()];
        for (int v = 0; v < order.length; v++) {
            order[v] = v;
        }
        Arrays.sort(order, Comparator.comparingDouble(v -> votes.get(v).order()));
        int[] out = new int[order.length];
        for (int v = 0; v < out.length; v++) {
            out[v] = order[v];
        }
        return out;
    }

    private static double[] bradleyTerry(int n, int[] a, int[] b, double[] s) {
        double[][] wins = new double[n][n];
        for (int v = 0; v < a.length; v++) {
            wins[a[v]][b[v]] += s[v];
            wins[b[v]][a[v]] += 1 - s[v];
        }
        return BradleyTerry.fit(wins, 1000);
    }

    /** Online Elo over the votes in time order, each {@code times[v]} times (null: once). */
    private static double[] elo(int n, int[] a, int[] b, double[] s, int[] inTime, int[] times, Options o, int anchor) {
        int total = 0;
        for (int v : inTime) {
            total += times == null ? 1 : times[v];
        }
        int[] sa = new int[total];
        int[] sb = new int[total];
        double[] ss = new double[total];
        int k = 0;
        for (int v : inTime) {
            for (int t = 0; t < (times == null ? 1 : times[v]); t++, k++) {
                sa[k] = a[v];
                sb[k] = b[v];
                ss[k] = s[v];
            }
        }
        return anchored(BradleyTerry.elo(n, sa, sb, ss, 4, 1000), o, anchor);
    }

    /** The ratings shifted to put the anchor model (its index, or -1 for none) at its fixed rating. */
    private static double[] anchored(double[] r, Options o, int anchor) {
        if (anchor < 0) {
            return r;
        }
        double shift = o.anchorAt() - r[anchor];
        double[] out = r.clone();
        for (int k = 0; k < out.length; k++) {
            out[k] += shift;
        }
        return out;
    }

    /** Elo's intervals: each bootstrap replays a multinomial resample of the votes in time order. */
    private static double[][] eloBootstrap(int n, int[] a, int[] b, double[] s, int[] inTime, Options o, int anchor) {
        double[][] boot = new double[n][o.bootstrap()];
        RandomGenerator rng = new Well19937c(o.seed());
        for (int k = 0; k < o.bootstrap(); k++) {
            int[] times = new int[a.length];
            for (int v = 0; v < a.length; v++) {
                times[rng.nextInt(a.length)]++;
            }
            double[] r = elo(n, a, b, s, inTime, times, o, anchor);
            for (int i = 0; i < n; i++) {
                boot[i][k] = r[i];
            }
        }
        return boot;
    }

    private static List<CompareReport.Bias> bias(List<Vote> votes, List<String> warnings) {
        Map<String, long[]> byJudge = new TreeMap<>();
        for (Vote v : votes) {
            if (v.firstShown() == null || !v.outcome().decided()) {
                continue;
            }
            long[] c = byJudge.computeIfAbsent(v.judge() == null ? "(unknown)" : v.judge(), k -> new long[2]);
            c[0]++;
            boolean firstWon = (v.outcome() == Vote.Outcome.A) == (v.firstShown() == Vote.Side.A);
            c[1] += firstWon ? 1 : 0;
        }
        if (byJudge.size() > 1) {
            long[] all = new long[2];
            byJudge.values().forEach(c -> {
                all[0] += c[0];
                all[1] += c[1];
            });
            byJudge.put(ALL_JUDGES, all);
        }
        List<CompareReport.Bias> out = new ArrayList<>();
        byJudge.forEach((judge, c) -> {
            double p = Binomial.twoSided(c[1], c[0], 0.5);
            double[] w = Binomial.wilson(c[1], c[0], 0.05);
            out.add(new CompareReport.Bias(judge, c[0], c[1], (double) c[1] / c[0], p, w[0], w[1]));
            if (p < 0.05 && !judge.equals(ALL_JUDGES)) {
                warnings.add(String.format(Locale.ROOT, "judge %s favours the answer shown first in %.1f%% of %,d "
                        + "decided votes (binomial p %.2g): randomise the order, or count both orders", judge,
                        100.0 * c[1] / c[0], c[0], p));
            }
        });
        return out;
    }

    /** Agreement on (item, pair)s that two or more judges voted on; each judge's first vote on one counts. */
    private static CompareReport.Agreement agreement(List<Vote> votes) {
        Map<String, Map<String, Integer>> items = new LinkedHashMap<>();
        for (Vote v : votes) {
            if (v.item() == null || v.judge() == null) {
                continue;
            }
            boolean swapped = v.modelA().compareTo(v.modelB()) > 0;
            String key = v.item() + "\u0001" + (swapped ? v.modelB() + "\u0001" + v.modelA() : v.modelA() + "\u0001" + v.modelB());
            int label = !v.outcome().decided() ? 2 : (v.outcome() == Vote.Outcome.A) != swapped ? 0 : 1;
            items.computeIfAbsent(key, k -> new TreeMap<>()).putIfAbsent(v.judge(), label);
        }
        List<Map<String, Integer>> shared = items.values().stream().filter(m -> m.size() >= 2).toList();
        if (shared.isEmpty()) {
            return null;
        }
        TreeSet<String> judges = new TreeSet<>();
        shared.forEach(m -> judges.addAll(m.keySet()));
        long agree = shared.stream().filter(m -> m.values().stream().distinct().count() == 1).count();
        double percent = (double) agree / shared.size();
        if (judges.size() == 2) {
            int[] r1 = new int[shared.size()];
            int[] r2 = new int[shared.size()];
            for (int i = 0; i < shared.size(); i++) {
                r1[i] = shared.get(i).get(judges.first());
                r2[i] = shared.get(i).get(judges.last());
            }
            return new CompareReport.Agreement(shared.size(), 2, percent, "cohen", Agreement.cohen(r1, r2, 3));
        }
        Map<Integer, Long> sizes = new TreeMap<>();
        shared.forEach(m -> sizes.merge(m.size(), 1L, Long::sum));
        int m = sizes.entrySet().stream().max(Map.Entry.<Integer, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
        List<long[]> rows = new ArrayList<>();
        for (Map<String, Integer> item : shared) {
            if (item.size() == m) {
                long[] row = new long[3];
                item.values().forEach(l -> row[l]++);
                rows.add(row);
            }
        }
        return new CompareReport.Agreement(shared.size(), judges.size(), percent, "fleiss",
                Agreement.fleiss(rows.toArray(new long[0][])));
    }
}

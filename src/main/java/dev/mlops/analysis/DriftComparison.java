package dev.mlops.analysis;

import dev.mlops.stats.ChiSquare;
import dev.mlops.stats.Distribution;
import dev.mlops.stats.Divergence;
import dev.mlops.stats.KolmogorovSmirnov;
import dev.mlops.stats.LogOdds;
import dev.mlops.stats.MultipleTesting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Compares a window with its baseline, feature by feature, and applies the {@link DriftRules}. */
public final class DriftComparison {
    /** Quantiles standing in for a distribution once it is a sketch. */
    static final int GRID = 2000;
    static final int PSI_BINS = 10;
    static final int TOP_TERMS = 10;

    private DriftComparison() {
    }

    public static GroupDrift compare(Map<String, String> key, String window, DriftWindow base, DriftWindow cur,
                                     DriftSettings settings, DriftRules rules, long minSamples) {
        boolean insufficient = base.records < minSamples || cur.records < minSamples;
        List<FeatureDrift> tested = new ArrayList<>();
        for (String f : settings.numeric()) {
            Distribution a = base.numeric.get(f);
            Distribution b = cur.numeric.get(f);
            if (a.count() >= 2 && b.count() >= 2) {
                tested.add(numeric(f, a, b, rules));
            }
        }
        for (String f : settings.categorical()) {
            TreeMap<String, Long> a = base.categorical.get(f);
            TreeMap<String, Long> b = cur.categorical.get(f);
            if (!a.isEmpty() && !b.isEmpty() && !(a.keySet().equals(java.util.Set.of(DriftWindow.MISSING))
                    && b.keySet().equals(java.util.Set.of(DriftWindow.MISSING)))) {
                tested.add(categorical(f, a, b, rules));
            }
        }
        double[] p = tested.stream().mapToDouble(FeatureDrift::pValue).toArray();
        double[] adjusted = MultipleTesting.benjaminiHochberg(p);
        List<FeatureDrift> features = new ArrayList<>();
        for (int i = 0; i < tested.size(); i++) {
            FeatureDrift fd = tested.get(i);
            boolean drifted = !insufficient && fd.enabled() && adjusted[i] < rules.alpha() && fd.effect() >= fd.threshold();
            features.add(fd.withAdjusted(adjusted[i], drifted));
        }
        List<TermShift> rising = List.of();
        List<TermShift> falling = List.of();
        List<TermShift> fresh = List.of();
        TermCounter baseTerms = base.terms.counts();
        TermCounter curTerms = cur.terms.counts();
        if (settings.terms() != null && baseTerms.documents() > 0 && curTerms.documents() > 0) {
            List<TermShift> scored = scoreTerms(baseTerms, curTerms, rules);
            rising = scored.stream().filter(t -> t.z() > 0).sorted(Comparator.comparingDouble(TermShift::z).reversed()
                    .thenComparing(TermShift::term)).limit(TOP_TERMS).toList();
            falling = scored.stream().filter(t -> t.z() < 0).sorted(Comparator.comparingDouble(TermShift::z)
                    .thenComparing(TermShift::term)).limit(TOP_TERMS).toList();
            fresh = scored.stream().filter(TermShift::isNew).sorted(Comparator.comparingLong(TermShift::current)
                    .reversed().thenComparing(TermShift::term)).limit(TOP_TERMS).toList();
            int level = Math.max(base.terms.level(), cur.terms.level());
            features.add(text(settings.textFeature(), scored, baseTerms, curTerms, rules, insufficient,
                    level == 0 ? "all documents" : "sample 1/" + (1L << level)));
        }
        return new GroupDrift(key, window, base.records, cur.records, insufficient, features, rising, falling, fresh);
    }

    /** Categories drawn one by one; the rest are one bin. */
    static final int TOP_CATEGORIES = 12;

    static FeatureDrift numeric(String f, Distribution a, Distribution b, DriftRules rules) {
        double[] sa = a.sortedValues();
        double[] sb = b.sortedValues();
        boolean exact = sa != null && sb != null;
        if (!exact) {
            sa = a.quantileGrid(GRID);
            sb = b.quantileGrid(GRID);
        }
        double d = KolmogorovSmirnov.statistic(sa, sa.length, sb, sb.length);
        int na = (int) Math.min(Integer.MAX_VALUE, a.count());
        int nb = (int) Math.min(Integer.MAX_VALUE, b.count());
        double p = exact ? KolmogorovSmirnov.pValue(d, na, nb) : KolmogorovSmirnov.asymptoticP(d, na, nb);
        double w = Divergence.wasserstein(sa, sa.length, sb, sb.length);
        double std = a.std();
        double effect = std > 0 ? w / std : w == 0 ? 0 : Double.POSITIVE_INFINITY;
        double[] edges = decileEdges(sa);
        long[][] bins = {binCounts(sa, edges), binCounts(sb, edges)};
        return new FeatureDrift(f, "numeric", "ks", d, p, Double.NaN, "wasserstein_norm", effect, rules.minWasserstein(),
                Divergence.psi(bins[0], bins[1]), Divergence.jensenShannon(bins[0], bins[1], 2), a.count(), b.count(),
                List.of(), !rules.disabled().contains(f), false, exact ? "exact" : "sketch",
                exact ? Double.NaN : KolmogorovSmirnov.gridBound(sa, sb, dev.mlops.stats.Distribution.RELATIVE_ERROR),
                bins(edges, bins));
    }

    /** Counts of both samples in the baseline's decile bins (an edge belongs to the bin below it). */
    static long[][] deciles(double[] base, double[] cur) {
        double[] e = decileEdges(base);
        return new long[][] {binCounts(base, e), binCounts(cur, e)};
    }

    private static double[] decileEdges(double[] base) {
        TreeSet<Double> edges = new TreeSet<>();
        for (int i = 1; i < PSI_BINS; i++) {
            edges.add(dev.mlops.stats.Quantiles.linear(base, base.length, (double) i / PSI_BINS));
        }
        return edges.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The decile bins named by their edges: "<= e1", "e1 - e2", …, "> ek". */
    private static FeatureDrift.Bins bins(double[] edges, long[][] counts) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i <= edges.length; i++) {
            labels.add(edges.length == 0 ? "all" : i == 0 ? "<= " + edge(edges[0]) : i == edges.length
                    ? "> " + edge(edges[i - 1]) : edge(edges[i - 1]) + " - " + edge(edges[i]));
        }
        return new FeatureDrift.Bins(labels, Arrays.stream(counts[0]).boxed().toList(),
                Arrays.stream(counts[1]).boxed().toList());
    }

    private static String edge(double v) {
        return dev.mlops.text.Numbers.plain(Math.abs(v) >= 100 ? Math.rint(v) : Math.rint(v * 1000) / 1000);
    }

    private static long[] binCounts(double[] sorted, double[] edges) {
        long[] counts = new long[edges.length + 1];
        for (double v : sorted) {
            int i = Arrays.binarySearch(edges, v);
            counts[i >= 0 ? i : -i - 1]++;
        }
        return counts;
    }

    static FeatureDrift categorical(String f, TreeMap<String, Long> a, TreeMap<String, Long> b, DriftRules rules) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        long[] ca = new long[keys.size()];
        long[] cb = new long[keys.size()];
        int i = 0;
        for (String k : keys) {
            ca[i] = a.getOrDefault(k, 0L);
            cb[i] = b.getOrDefault(k, 0L);
            i++;
        }
        ChiSquare.Result chi = ChiSquare.independence(ca, cb);
        double js = Divergence.jensenShannon(ca, cb, 2);
        List<String> unseen = b.entrySet().stream().filter(e -> !a.containsKey(e.getKey()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).limit(TOP_TERMS).toList();
        long na = a.values().stream().mapToLong(Long::longValue).sum();
        long nb = b.values().stream().mapToLong(Long::longValue).sum();
        return new FeatureDrift(f, "categorical", "chi2", chi.statistic(), chi.pValue(), Double.NaN, "js", js,
                rules.minJs(), Double.NaN, js, na, nb, unseen, !rules.disabled().contains(f), false, "counts",
                Double.NaN, top(keys, a, b));
    }

    /** The values most common in both samples together (ties by value), the rest as "(other)". */
    private static FeatureDrift.Bins top(TreeSet<String> keys, Map<String, Long> a, Map<String, Long> b) {
        List<String> order = keys.stream().sorted(Comparator.comparingLong((String k) -> -(a.getOrDefault(k, 0L)
                + b.getOrDefault(k, 0L))).thenComparing(Comparator.naturalOrder())).toList();
        List<String> labels = new ArrayList<>();
        List<Long> ca = new ArrayList<>();
        List<Long> cb = new ArrayList<>();
        long restA = 0;
        long restB = 0;
        for (int i = 0; i < order.size(); i++) {
            String k = order.get(i);
            if (i < TOP_CATEGORIES || order.size() == TOP_CATEGORIES + 1) {
                labels.add(k);
                ca.add(a.getOrDefault(k, 0L));
                cb.add(b.getOrDefault(k, 0L));
            } else {
                restA += a.getOrDefault(k, 0L);
                restB += b.getOrDefault(k, 0L);
            }
        }
        if (order.size() > TOP_CATEGORIES + 1) {
            labels.add("(other)");
            ca.add(restA);
            cb.add(restB);
        }
        return new FeatureDrift.Bins(labels, ca, cb);
    }

    /** Log-odds z-scores of every term seen at least minTermCount times in both windows together. */
    static List<TermShift> scoreTerms(TermCounter base, TermCounter cur, DriftRules rules) {
        Map<String, Long> a = base.counts();
        Map<String, Long> b = cur.counts();
        TreeSet<String> terms = new TreeSet<>(a.keySet());
        terms.addAll(b.keySet());
        double na = base.total();
        double nb = cur.total();
        List<TermShift> out = new ArrayList<>();
        for (String t : terms) {
            long ya = a.getOrDefault(t, 0L);
            long yb = b.getOrDefault(t, 0L);
            if (ya + yb < rules.minTermCount()) {
                continue;
            }
            double alphaW = rules.prior() * (ya + yb) / (na + nb);
            double z = LogOdds.z(ya, na, yb, nb, alphaW, rules.prior());
            out.add(new TermShift(t, z, ya, yb, ya == 0));
        }
        return out;
    }

    static FeatureDrift text(String name, List<TermShift> scored, TermCounter base, TermCounter cur, DriftRules rules,
                             boolean insufficient, String method) {
        double maxZ = 0;
        double effect = 0;
        for (TermShift t : scored) {
            double change = Math.abs((double) t.current() / cur.documents() - (double) t.baseline() / base.documents());
            if (Math.abs(t.z()) >= rules.minZ()) {
                effect = Math.max(effect, change);
            }
            maxZ = Math.max(maxZ, Math.abs(t.z()));
        }
        boolean drifted = !insufficient && !rules.disabled().contains(name) && maxZ >= rules.minZ()
                && effect >= rules.minShareChange();
        return new FeatureDrift(name, "text", "log-odds", maxZ, Double.NaN, Double.NaN, "share_change", effect,
                rules.minShareChange(), Double.NaN, Double.NaN, base.documents(), cur.documents(), List.of(),
                !rules.disabled().contains(name), drifted, method);
    }
}

package dev.mlops.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/** Tests on paired outcomes: the same eval items under two versions. */
public final class Paired {
    private Paired() {
    }

    /**
     * The exact McNemar test: of the discordant pairs, {@code b} passed only before and {@code c}
     * only after; under no change each is Binomial(b + c, 1/2). Two-sided p (scipy.stats.binomtest).
     */
    public static double mcNemarExact(int b, int c) {
        int n = b + c;
        if (n == 0) {
            return 1;
        }
        BinomialDistribution d = new BinomialDistribution(null, n, 0.5);
        int k = Math.min(b, c);
        return Math.min(1, 2 * d.cumulativeProbability(k));
    }

    /** A Wilcoxon signed-rank result: the smaller of the signed-rank sums, and the two-sided p. */
    public record Wilcoxon(double statistic, double pValue, int n, String method) {
    }

    /**
     * The Wilcoxon signed-rank test of paired samples (zero differences dropped, scipy's default
     * zero_method='wilcox'). When at most 50 pairs remain: exact, by the permutation distribution
     * of the signed-rank sum over the pairs' own (mid)ranks, so that tied |differences| are
     * handled exactly (scipy's 'exact' assumes integer ranks, and its 'auto' falls back to the
     * normal approximation when there are ties). Past 50 pairs: the normal approximation with
     * tie-corrected variance and no continuity correction (scipy method='approx').
     */
    public static Wilcoxon wilcoxon(double[] a, double[] b, boolean allowExact) {
        List<Double> d = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            double x = a[i] - b[i];
            if (x != 0) {
                d.add(x);
            }
        }
        int n = d.size();
        if (n == 0) {
            return new Wilcoxon(0, 1, 0, "none");
        }
        double[] abs = new double[n];
        for (int i = 0; i < n; i++) {
            abs[i] = Math.abs(d.get(i));
        }
        double[] r = Trend.ranks(abs);
        double plus = 0;
        double minus = 0;
        for (int i = 0; i < n; i++) {
            if (d.get(i) > 0) {
                plus += r[i];
            } else {
                minus += r[i];
            }
        }
        double t = Math.min(plus, minus);
        if (allowExact && n <= 50) {
            return new Wilcoxon(t, exactP(r, t), n, "exact");
        }
        double mean = n * (n + 1) / 4.0;
        double var = n * (n + 1) * (2 * n + 1) / 24.0 - tieTerm(abs) / 48.0;
        double z = (t - mean) / Math.sqrt(var);
        double p = 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs(z));
        return new Wilcoxon(t, Math.min(1, p), n, "approx");
    }

    private static double tieTerm(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        double sum = 0;
        for (int i = 0; i < s.length; ) {
            int j = i;
            while (j < s.length && s[j] == s[i]) {
                j++;
            }
            double t = j - i;
            sum += t * t * t - t;
            i = j;
        }
        return sum;
    }

    /**
     * 2 · P(T ≤ t) under the null (each rank's sign ± with probability 1/2), counting the sign
     * patterns of the given ranks exactly: midranks are halves, so twice each is an integer.
     */
    static double exactP(double[] ranks, double t) {
        int n = ranks.length;
        int[] twice = new int[n];
        int max = 0;
        for (int i = 0; i < n; i++) {
            twice[i] = (int) Math.round(2 * ranks[i]);
            max += twice[i];
        }
        double[] ways = new double[max + 1];
        ways[0] = 1;
        for (int k : twice) {
            for (int s = max; s >= k; s--) {
                ways[s] += ways[s - k];
            }
        }
        double below = 0;
        long limit = Math.round(2 * t);
        for (int s = 0; s <= limit; s++) {
            below += ways[s];
        }
        return Math.min(1, 2 * below / Math.pow(2, n));
    }

    /** P(T ≤ t) · 2 for the signed-rank statistic of n pairs with untied ranks 1..n. */
    static double exactP(int t, int n) {
        int max = n * (n + 1) / 2;
        double[] ways = new double[max + 1];
        ways[0] = 1;
        for (int k = 1; k <= n; k++) {
            for (int s = max; s >= k; s--) {
                ways[s] += ways[s - k];
            }
        }
        double below = 0;
        for (int s = 0; s <= t; s++) {
            below += ways[s];
        }
        return Math.min(1, 2 * below / Math.pow(2, n));
    }
}

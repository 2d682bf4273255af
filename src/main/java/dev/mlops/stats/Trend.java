package dev.mlops.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/** Trend and association tests on short series (one value per time window). */
public final class Trend {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Trend() {
    }

    /**
     * The Mann-Kendall test: S, its variance corrected for ties, z with the continuity correction,
     * and the two-sided p-value.
     */
    public record MannKendall(double s, double variance, double z, double pValue) {
        /** +1 rising, -1 falling, 0 no significant trend at level alpha. */
        public int direction(double alpha) {
            return pValue < alpha ? (int) Math.signum(s) : 0;
        }
    }

    public static MannKendall mannKendall(double[] v) {
        int n = v.length;
        double s = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                s += Math.signum(v[j] - v[i]);
            }
        }
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double ties = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            ties += t * (t - 1) * (2 * t + 5);
            i = j;
        }
        double var = (n * (n - 1.0) * (2 * n + 5) - ties) / 18;
        double z = var <= 0 ? 0 : s > 0 ? (s - 1) / Math.sqrt(var) : s < 0 ? (s + 1) / Math.sqrt(var) : 0;
        return new MannKendall(s, var, z, 2 * NORMAL.cumulativeProbability(-Math.abs(z)));
    }

    /** Spearman's rank correlation (average ranks for ties) and its two-sided p-value (scipy's t approximation). */
    public record Spearman(double rho, double pValue) {
    }

    public static Spearman spearman(double[] x, double[] y) {
        int n = x.length;
        double r = pearson(ranks(x), ranks(y));
        if (n < 3 || Double.isNaN(r)) {
            return new Spearman(r, Double.NaN);
        }
        if (Math.abs(r) >= 1) {
            return new Spearman(r, 0);
        }
        double t = r * Math.sqrt((n - 2) / ((1 - r) * (1 + r)));
        double p = 2 * new TDistribution(null, n - 2).cumulativeProbability(-Math.abs(t));
        return new Spearman(r, p);
    }

    /** Ranks 1..n, ties given their average rank. */
    public static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && v[idx[j]] == v[idx[i]]) {
                j++;
            }
            double avg = (i + j + 1) / 2.0;
            for (int k = i; k < j; k++) {
                r[idx[k]] = avg;
            }
            i = j;
        }
        return r;
    }

    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }
}

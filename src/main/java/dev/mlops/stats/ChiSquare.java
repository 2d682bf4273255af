package dev.mlops.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/** Chi-square tests on counts. */
public final class ChiSquare {
    private ChiSquare() {
    }

    /** A test result. */
    public record Result(double statistic, int df, double pValue) {
    }

    /** Goodness of fit: observed counts against expected shares scaled to the observed total. */
    public static Result goodnessOfFit(double[] expectedShares, long[] observed) {
        long n = 0;
        for (long o : observed) {
            n += o;
        }
        double total = 0;
        for (double e : expectedShares) {
            total += e;
        }
        double x2 = 0;
        for (int i = 0; i < observed.length; i++) {
            double e = expectedShares[i] / total * n;
            x2 += (observed[i] - e) * (observed[i] - e) / e;
        }
        return new Result(x2, observed.length - 1, sf(x2, observed.length - 1));
    }

    /**
     * The 2×k test of independence of two count vectors over the same categories (scipy's
     * chi2_contingency without continuity correction); categories empty in both are dropped.
     */
    public static Result independence(long[] a, long[] b) {
        long na = 0;
        long nb = 0;
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            na += a[i];
            nb += b[i];
            if (a[i] + b[i] > 0) {
                k++;
            }
        }
        double n = na + nb;
        double x2 = 0;
        for (int i = 0; i < a.length; i++) {
            double col = a[i] + b[i];
            if (col == 0) {
                continue;
            }
            double ea = col * na / n;
            double eb = col * nb / n;
            x2 += (a[i] - ea) * (a[i] - ea) / ea + (b[i] - eb) * (b[i] - eb) / eb;
        }
        int df = Math.max(1, k - 1);
        return new Result(x2, df, sf(x2, df));
    }

    static double sf(double x, int df) {
        if (!(x > 0)) {
            return 1;
        }
        double p = 1 - new ChiSquaredDistribution(null, df).cumulativeProbability(x);
        return Math.max(0, p);
    }
}

package dev.mlops.stats;

/**
 * The two-sample Kolmogorov-Smirnov test. The statistic is computed from sorted samples, ties
 * handled exactly. The p-value is exact (the lattice-path count of Hodges, as scipy's
 * {@code method='exact'}) when {@code n·m ≤ 10,000}, and otherwise from Kolmogorov's limiting
 * distribution at {@code λ = D·sqrt(nm/(n+m))} (scipy's {@code kstwobign}).
 */
public final class KolmogorovSmirnov {
    /**
     * How far D computed between two grids of {@code g} equally spaced quantiles, each value known
     * to a relative accuracy {@code alpha} (a DDSketch), can be from the exact D of the data: each
     * grid's empirical CDF is within 1/g of the data's, and a value off by a factor within
     * 1 ± alpha moves a CDF by at most the mass in that band, measured here on the grid itself.
     */
    public static double gridBound(double[] gridA, double[] gridB, double alpha) {
        return 1.0 / gridA.length + 1.0 / gridB.length + band(gridA, alpha) + band(gridB, alpha);
    }

    /** The largest share of sorted values within [x(1 − alpha), x(1 + alpha)] for any x, plus one value. */
    static double band(double[] sorted, double alpha) {
        int best = 0;
        int lo = 0;
        for (int hi = 0; hi < sorted.length; hi++) {
            double top = sorted[hi];
            while (lo < hi && sorted[lo] < bottom(top, alpha)) {
                lo++;
            }
            best = Math.max(best, hi - lo + 1);
        }
        return Math.min(1, (best + 1.0) / sorted.length);
    }

    private static double bottom(double top, double alpha) {
        return top >= 0 ? top * (1 - alpha) / (1 + alpha) : top * (1 + alpha) / (1 - alpha);
    }

    public static final long EXACT_LIMIT = 10_000;

    private KolmogorovSmirnov() {
    }

    /** D = sup |F_a(x) − F_b(x)| of two ascending samples. */
    public static double statistic(double[] a, int n, double[] b, int m) {
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < n && j < m) {
            double x = Math.min(a[i], b[j]);
            while (i < n && a[i] <= x) {
                i++;
            }
            while (j < m && b[j] <= x) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / n - (double) j / m));
        }
        return d;
    }

    public static double pValue(double d, int n, int m) {
        return (long) n * m <= EXACT_LIMIT ? exactP(d, n, m) : asymptoticP(d, n, m);
    }

    /** P(D ≥ d) under the null, counting monotone lattice paths that stay strictly inside the band. */
    public static double exactP(double d, int n, int m) {
        if (d <= 0) {
            return 1;
        }
        // D is a multiple of 1/lcm(n, m), so |i·m − j·n| < d·n·m is an integer comparison
        long c = Math.round(d * n * m);
        double[] row = new double[m + 1];
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                boolean inside = Math.abs((long) i * m - (long) j * n) < c;
                if (!inside) {
                    row[j] = 0;
                } else if (i == 0 && j == 0) {
                    row[j] = 1;
                } else {
                    row[j] = (i > 0 ? row[j] : 0) + (j > 0 ? row[j - 1] : 0);
                }
            }
        }
        double inside = row[m];
        double total = Math.exp(logChoose(n + m, n));
        return Math.max(0, Math.min(1, 1 - inside / total));
    }

    private static double logChoose(int n, int k) {
        return org.apache.commons.math3.special.Gamma.logGamma(n + 1.0)
                - org.apache.commons.math3.special.Gamma.logGamma(k + 1.0)
                - org.apache.commons.math3.special.Gamma.logGamma(n - k + 1.0);
    }

    public static double asymptoticP(double d, int n, int m) {
        return kolmogorovSf(d * Math.sqrt((double) n * m / (n + m)));
    }

    /** The survival function of Kolmogorov's distribution (scipy.stats.kstwobign.sf). */
    public static double kolmogorovSf(double lambda) {
        if (lambda <= 0) {
            return 1;
        }
        if (lambda < 1) {
            double sum = 0;
            double f = -Math.PI * Math.PI / (8 * lambda * lambda);
            for (int k = 1; k < 100; k++) {
                double t = Math.exp(f * (2 * k - 1) * (2 * k - 1));
                sum += t;
                if (t < 1e-17 * sum) {
                    break;
                }
            }
            return 1 - Math.sqrt(2 * Math.PI) / lambda * sum;
        }
        double sum = 0;
        for (int k = 1; k < 100; k++) {
            double t = Math.exp(-2.0 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? t : -t);
            if (t < 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return Math.max(0, Math.min(1, 2 * sum));
    }
}

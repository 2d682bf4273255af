package dev.mlops.stats;

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

    /**
     * The upper tail P(X ≥ x), computed directly as the regularized upper incomplete gamma
     * function Q(df/2, x/2), not as 1 − CDF (which is 0 for every p below 1e-16). Past the
     * smallest double it is {@link Double#MIN_VALUE}, never 0: the p-value is at most that.
     */
    static double sf(double x, int df) {
        if (!(x > 0)) {
            return 1;
        }
        double q = org.apache.commons.math3.special.Gamma.regularizedGammaQ(df / 2.0, x / 2.0, 1e-15, 100_000);
        return q > 0 ? Math.min(1, q) : Double.MIN_VALUE;
    }

    /** log10 of the upper tail, accurate where {@link #sf} underflows (an asymptotic series for large x). */
    public static double log10Sf(double x, int df) {
        double q = sf(x, df);
        if (q > Double.MIN_NORMAL) {
            return Math.log10(q);
        }
        double a = df / 2.0;
        double h = x / 2.0;
        // Q(a, h) ~ h^(a-1) e^-h / Γ(a) · (1 + (a-1)/h + (a-1)(a-2)/h² + ...)
        double series = 1;
        double term = 1;
        for (int k = 1; k < 30; k++) {
            term *= (a - k) / h;
            if (Math.abs(term) < 1e-17) {
                break;
            }
            series += term;
        }
        double ln = (a - 1) * Math.log(h) - h - org.apache.commons.math3.special.Gamma.logGamma(a) + Math.log(series);
        return ln / Math.log(10);
    }
}

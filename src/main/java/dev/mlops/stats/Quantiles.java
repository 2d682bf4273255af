package dev.mlops.stats;

/** Quantiles of a sorted sample. */
public final class Quantiles {
    private Quantiles() {
    }

    /**
     * numpy's default ("linear", Hyndman and Fan type 7) quantile of an ascending array,
     * computed the way numpy computes it so that results agree to the last bit:
     * {@code h = (n - 1) q}, then a lerp that is evaluated from the nearer end.
     */
    public static double linear(double[] sorted, int n, double q) {
        if (n <= 0) {
            return Double.NaN;
        }
        if (q < 0 || q > 1 || Double.isNaN(q)) {
            throw new IllegalArgumentException("quantile must be in [0, 1]: " + q);
        }
        double h = (n - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        double t = h - lo;
        double a = sorted[lo];
        double b = sorted[hi];
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }
}

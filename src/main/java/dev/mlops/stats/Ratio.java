package dev.mlops.stats;

/**
 * The delta method for a ratio of sums over units (requests' error rate, mean latency or tokens
 * per request, with requests clustered in users), and for the relative lift of two means.
 */
public final class Ratio {
    private Ratio() {
    }

    /**
     * A ratio mean Σnum / Σden over n units and the variance of that mean:
     * (σ²num − 2R·σnum,den + R²·σ²den) / (n · μ²den), moments with ddof 1.
     */
    public record Mean(long n, double mean, double variance) {
    }

    /** The ratio and its delta-method variance, from per-unit sums of num, den, num², den² and num·den. */
    public static Mean of(long n, double num, double den, double num2, double den2, double numDen) {
        double r = num / den;
        double muDen = den / n;
        if (n < 2) {
            return new Mean(n, r, Double.NaN);
        }
        double varNum = (num2 - num * num / n) / (n - 1);
        double varDen = (den2 - den * den / n) / (n - 1);
        double cov = (numDen - num * den / n) / (n - 1);
        double v = (varNum - 2 * r * cov + r * r * varDen) / (n * muDen * muDen);
        return new Mean(n, r, Math.max(0, v));
    }

    /**
     * The relative lift mt / mc − 1 and its delta-method standard error, from the two means and the
     * variances of the means: sqrt(vt / mc² + mt² · vc / mc⁴).
     */
    public static double[] relativeLift(double mt, double vt, double mc, double vc) {
        if (mc == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double se = Math.sqrt(vt / (mc * mc) + mt * mt * vc / (mc * mc * mc * mc));
        return new double[] {mt / mc - 1, se};
    }
}

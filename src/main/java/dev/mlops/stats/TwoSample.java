package dev.mlops.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Tests of a difference between two independent samples (treatment − control), from their
 * summaries: the two-proportion z-test, Welch's t-test, and a normal test of a difference whose
 * standard error is known (the delta method's).
 */
public final class TwoSample {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private TwoSample() {
    }

    /**
     * A test of treatment − control.
     *
     * @param difference the difference of the means (or proportions)
     * @param se         its standard error, unpooled: what intervals use
     * @param statistic  z or t
     * @param df         Welch's degrees of freedom; infinite for a normal test
     * @param p          the two-sided p-value
     */
    public record Result(double difference, double se, double statistic, double df, double p) {
        /** The two-sided interval at level 1 − alpha: t quantiles for Welch, normal ones otherwise. */
        public double[] interval(double alpha) {
            double q = Double.isInfinite(df) ? z(1 - alpha / 2) : new TDistribution(null, df).inverseCumulativeProbability(1 - alpha / 2);
            return new double[] {difference - q * se, difference + q * se};
        }
    }

    /**
     * The two-proportion z-test of x1/n1 (treatment) against x2/n2 (control): the pooled proportion
     * for the p-value (scipy: statsmodels proportions_ztest), the unpooled standard error for the interval.
     */
    public static Result proportions(long x1, long n1, long x2, long n2) {
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double sePooled = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        double se = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        double z = sePooled == 0 ? 0 : (p1 - p2) / sePooled;
        return new Result(p1 - p2, se, z, Double.POSITIVE_INFINITY, sePooled == 0 ? 1 : 2 * NORMAL.cumulativeProbability(-Math.abs(z)));
    }

    /** Welch's t-test of mean m1 (variance v1, n1 values) against m2 (v2, n2); variances with ddof 1. */
    public static Result welch(double m1, double v1, long n1, double m2, double v2, long n2) {
        double a = v1 / n1;
        double b = v2 / n2;
        double se = Math.sqrt(a + b);
        if (se == 0) {
            return new Result(m1 - m2, 0, 0, Double.POSITIVE_INFINITY, m1 == m2 ? 1 : 0);
        }
        double t = (m1 - m2) / se;
        double df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1));
        double p = 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
        return new Result(m1 - m2, se, t, df, p);
    }

    /** A normal (z) test of a difference with a known standard error. */
    public static Result normal(double difference, double se) {
        if (se == 0 || Double.isNaN(se)) {
            return new Result(difference, se, 0, Double.POSITIVE_INFINITY, difference == 0 || Double.isNaN(se) ? 1 : 0);
        }
        double z = difference / se;
        return new Result(difference, se, z, Double.POSITIVE_INFINITY, 2 * NORMAL.cumulativeProbability(-Math.abs(z)));
    }

    /** The standard normal quantile. */
    public static double z(double probability) {
        return NORMAL.inverseCumulativeProbability(probability);
    }

    /** The standard normal upper tail. */
    public static double upperTail(double z) {
        return NORMAL.cumulativeProbability(-z);
    }
}

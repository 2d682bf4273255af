package dev.mlops.stats;

/**
 * Pooling 2×2 tables over strata (segments): the Mantel-Haenszel odds ratio and the
 * Cochran-Mantel-Haenszel test with continuity correction (scipy/statsmodels StratifiedTable).
 */
public final class MantelHaenszel {
    private MantelHaenszel() {
    }

    /**
     * One stratum: successes and units of the treatment (a of n1) and of the control (c of n2).
     */
    public record Table(long a, long n1, long c, long n2) {
    }

    /** The pooled odds ratio Σ(a·d/n) / Σ(b·c/n) of treatment against control. */
    public static double oddsRatio(java.util.List<Table> strata) {
        double num = 0;
        double den = 0;
        for (Table t : strata) {
            double n = t.n1 + t.n2;
            if (n == 0) {
                continue;
            }
            num += (double) t.a * (t.n2 - t.c) / n;
            den += (double) (t.n1 - t.a) * t.c / n;
        }
        return num / den;
    }

    /** The CMH statistic (|Σa − ΣE(a)| − ½)² / ΣVar(a) and its p-value on 1 degree of freedom. */
    public static double[] test(java.util.List<Table> strata) {
        double sum = 0;
        double expected = 0;
        double variance = 0;
        for (Table t : strata) {
            double n = t.n1 + t.n2;
            if (n < 2) {
                continue;
            }
            double m1 = t.a + t.c;
            sum += t.a;
            expected += t.n1 * m1 / n;
            variance += t.n1 * t.n2 * m1 * (n - m1) / (n * n * (n - 1));
        }
        double d = Math.max(0, Math.abs(sum - expected) - 0.5);
        double x2 = variance == 0 ? 0 : d * d / variance;
        return new double[] {x2, variance == 0 ? 1 : ChiSquare.sf(x2, 1)};
    }
}

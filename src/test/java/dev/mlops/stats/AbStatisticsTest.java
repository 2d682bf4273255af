package dev.mlops.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden values of the A/B statistics. Unless a line says otherwise they are ../shared/GOLDEN.md's
 * (scipy 1.17.1); the others were computed once with the python3 command beside them.
 */
class AbStatisticsTest {
    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double var(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] ones(double[] like) {
        double[] o = new double[like.length];
        java.util.Arrays.fill(o, 1);
        return o;
    }

    @Test
    void sampleRatioMismatch() {
        ChiSquare.Result flagged = ChiSquare.goodnessOfFit(new double[] {1, 1}, new long[] {10_000, 10_500});
        assertEquals(12.195122, flagged.statistic(), 1e-6);
        assertEquals(4.7915e-4, flagged.pValue(), 1e-8);
        ChiSquare.Result fine = ChiSquare.goodnessOfFit(new double[] {1, 1}, new long[] {49_500, 50_500});
        assertEquals(10.0, fine.statistic(), 1e-9);
        assertEquals(0.0015654, fine.pValue(), 1e-7);
    }

    @Test
    void twoProportionZ_pooledForP_unpooledForTheInterval() {
        TwoSample.Result r = TwoSample.proportions(150, 1000, 120, 1000);
        assertEquals(1.9630498, r.statistic(), 1e-7);
        assertEquals(0.0496404, r.p(), 1e-7);
        // python3 -c "import numpy as np; se=np.sqrt(.15*.85/1000+.12*.88/1000); print(.03-1.959963984540054*se, .03+1.959963984540054*se)"
        double[] ci = r.interval(0.05);
        assertEquals(7.602882129778554e-05, ci[0], 1e-12);
        assertEquals(0.05992397117870221, ci[1], 1e-12);
    }

    @Test
    void welch() {
        double[] b = {2.9, 3.5, 3.1, 4.2, 3.8};
        double[] a = {1.2, 2.4, 1.9, 3.1, 2.2, 2.8};
        TwoSample.Result r = TwoSample.welch(mean(b), var(b), b.length, mean(a), var(a), a.length);
        assertEquals(3.4104642, r.statistic(), 1e-7);
        assertEquals(8.9792557, r.df(), 1e-7);
        assertEquals(0.0077701, r.p(), 1e-7);
        // python3 -c "import scipy.stats as st; print(st.ttest_ind(B, A, equal_var=False).confidence_interval(0.95))"
        assertArrayEquals(new double[] {0.41497649715135587, 2.05169016951531}, r.interval(0.05), 1e-9);
    }

    @Test
    void cupedThetaAndTheVarianceItRemoves() {
        double[] y = {10, 12, 9, 14, 11, 13, 8, 15};
        double[] x = {9, 11, 9, 13, 10, 12, 7, 14};
        double theta = Cuped.theta(y.length, dot(x, ones(x)), dot(y, ones(y)), dot(x, x), dot(x, y));
        assertEquals(1.0429043, theta, 1e-7);
        double[] adjusted = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            adjusted[i] = y[i] - theta * (x[i] - mean(x));
        }
        assertEquals(6.0, var(y), 1e-12);
        assertEquals(0.1150401, var(adjusted), 1e-7);
        assertEquals(1 - 0.1150401 / 6.0, Cuped.varianceReduction(var(y), var(adjusted)), 1e-7);
    }

    @Test
    void sampleSize() {
        assertEquals(3840.85, SampleSize.proportions(0.10, 0.12, 0.05, 0.8), 0.005);
        assertEquals(3841, Math.ceil(SampleSize.proportions(0.10, 0.12, 0.05, 0.8)));
        // python3 -c "import scipy.stats as st; z=st.norm.ppf(.975)+st.norm.ppf(.8); print(2*z*z/0.01)"
        assertEquals(1569.7759468698177, SampleSize.means(1, 0.1, 0.05, 0.8), 1e-6);
    }

    @Test
    void sequentialConfidenceSequence() {
        double rho = ConfidenceSequence.rho(0.05, 5000);
        assertEquals(0.0398400668, rho, 1e-10);
        assertEquals(0.0612295, ConfidenceSequence.halfWidth(0.02, 10_000, 0.05, rho), 1e-7);
        assertEquals(0.2171975, ConfidenceSequence.pValue(0.05, 0.02, 10_000, rho), 1e-7);
        assertEquals(0.0124193, TwoSample.normal(0.05, 0.02).p(), 1e-7, "the fixed-horizon test");
    }

    /** The delta method equals the variance of the linearised per-unit values (num − R·den) / mean(den), over n. */
    @Test
    void deltaMethodRatio() {
        double[] num = {1, 0, 2, 1, 0, 3, 1, 0, 0, 2};
        double[] den = {3, 1, 4, 2, 2, 5, 1, 1, 2, 3};
        Ratio.Mean m = Ratio.of(num.length, dot(num, ones(num)), dot(den, ones(den)), dot(num, num), dot(den, den),
                dot(num, den));
        // python3 -c "import numpy as np; n=np.array(NUM); d=np.array(DEN); R=n.sum()/d.sum(); l=(n-R*d)/d.mean(); print(R, np.var(l, ddof=1)/len(n))"
        assertEquals(0.4166666666666667, m.mean(), 1e-12);
        assertEquals(0.0070998371056241434, m.variance(), 1e-12);
        // python3 -c "import numpy as np; vt=.15*.85/1000; vc=.12*.88/1000; print(.15/.12-1, np.sqrt(vt/.12**2+.15**2*vc/.12**4))"
        double[] lift = Ratio.relativeLift(0.15, 0.15 * 0.85 / 1000, 0.12, 0.12 * 0.88 / 1000);
        assertEquals(0.25, lift[0], 1e-12);
        assertEquals(0.14252192813739226, lift[1], 1e-12);
    }

    /** Kidney stones: treatment A better in each stratum and worse pooled. */
    @Test
    void mantelHaenszelOnTheKidneyStoneTable() {
        List<MantelHaenszel.Table> strata = List.of(new MantelHaenszel.Table(81, 87, 234, 270),
                new MantelHaenszel.Table(192, 263, 55, 80));
        assertEquals(1.4468466, MantelHaenszel.oddsRatio(strata), 1e-7);
        double[] cmh = MantelHaenszel.test(strata);
        assertEquals(2.0912569, cmh[0], 1e-7);
        assertEquals(0.1481441, cmh[1], 1e-7);
    }

    @Test
    void benjaminiHochbergAndHolm() {
        double[] p = {.01, .04, .03, .005, .2};
        assertArrayEquals(new double[] {.025, .05, .05, .025, .2}, MultipleTesting.benjaminiHochberg(p), 1e-12);
        // hand: sorted .005×5, .01×4, .03×3, .04×2 (raised to .09), .2×1
        assertArrayEquals(new double[] {.04, .09, .09, .025, .2}, MultipleTesting.holm(p), 1e-12);
    }
}

package dev.mlops.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden values for the collapse and health statistics; each names its reference. */
class HealthStatisticsTest {
    /**
     * By hand (the textbook formula, tie-corrected variance, continuity correction):
     * python3 -c "import numpy as np; from scipy import stats; v=np.array([.1,.3,.2,.5,.4,.6,.8,.7,.9,1.0]); n=len(v);
     *   s=sum(np.sign(v[i+1:]-v[i]).sum() for i in range(n-1)); _,c=np.unique(v,return_counts=True);
     *   var=(n*(n-1)*(2*n+5)-np.sum(c*(c-1)*(2*c+5)))/18; z=(s-1)/np.sqrt(var); print(s,var,z,2*stats.norm.sf(abs(z)))"
     * → 39, 125, 3.3988233257996803, 0.0006767641801210457; with ties [1,2,2,3,3,3,4,5,5,6,5,7]
     * → 57, 204.33333333333334, 3.9175849004043317, 8.944054944226683e-05
     */
    @Test
    void mannKendall() {
        Trend.MannKendall m = Trend.mannKendall(new double[] {.1, .3, .2, .5, .4, .6, .8, .7, .9, 1.0});
        assertEquals(39, m.s());
        assertEquals(125, m.variance(), 1e-12);
        assertEquals(3.3988233257996803, m.z(), 1e-12);
        assertEquals(0.0006767641801210457, m.pValue(), 1e-12);
        assertEquals(1, m.direction(0.05));
        Trend.MannKendall t = Trend.mannKendall(new double[] {1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 5, 7});
        assertEquals(57, t.s());
        assertEquals(204.33333333333334, t.variance(), 1e-9);
        assertEquals(3.9175849004043317, t.z(), 1e-12);
        assertEquals(8.944054944226683e-05, t.pValue(), 1e-12);
    }

    /** scipy.stats.spearmanr([1..10], [2,1,4,3,6,5,8,8,10,9]) → 0.9483326481409007, 2.9285883237761156e-05. */
    @Test
    void spearman() {
        Trend.Spearman s = Trend.spearman(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
                new double[] {2, 1, 4, 3, 6, 5, 8, 8, 10, 9});
        assertEquals(0.9483326481409007, s.rho(), 1e-12);
        assertEquals(2.9285883237761156e-05, s.pValue(), 1e-12);
    }

    /** scipy.stats.binomtest(3, 15, 0.5).pvalue → 0.03515625; (0, 5) → 0.0625. */
    @Test
    void mcNemarExact() {
        assertEquals(0.03515625, Paired.mcNemarExact(3, 12), 1e-12);
        assertEquals(0.03515625, Paired.mcNemarExact(12, 3), 1e-12);
        assertEquals(0.0625, Paired.mcNemarExact(0, 5), 1e-12);
        assertEquals(1, Paired.mcNemarExact(4, 4), 1e-12);
    }

    /**
     * scipy.stats.wilcoxon(d1, d2) with d1=[.82,.75,.91,.60,.70,.88,.65,.79], d2=[.80,.70,.85,.62,.61,.80,.60,.70]
     * → 2.0, 0.0234375 (exact). a=[0.01..0.30], b as below: 'auto' (exact) 165.0, 0.17059839516878128;
     * method='approx' 165.0, 0.1650265656246961.
     */
    @Test
    void wilcoxonSignedRank() {
        Paired.Wilcoxon w = Paired.wilcoxon(new double[] {.82, .75, .91, .60, .70, .88, .65, .79},
                new double[] {.80, .70, .85, .62, .61, .80, .60, .70}, true);
        assertEquals(2.0, w.statistic());
        assertEquals(0.0234375, w.pValue(), 1e-12);
        double[] a = new double[30];
        for (int i = 0; i < 30; i++) {
            a[i] = Math.round(0.01 * (i + 1) * 1e6) / 1e6;
        }
        double[] b = {0.03, 0.000517, 0.011034, 0.058448, 0.032069, 0.042586, 0.086897, 0.063621, 0.074138, 0.115345,
                0.095172, 0.10569, 0.143793, 0.126724, 0.137241, 0.172241, 0.158276, 0.168793, 0.20069, 0.189828,
                0.200345, 0.229138, 0.221379, 0.231897, 0.257586, 0.252931, 0.263448, 0.286034, 0.284483, 0.295};
        Paired.Wilcoxon exact = Paired.wilcoxon(a, b, true);
        assertEquals(165.0, exact.statistic());
        assertEquals(0.17059839516878128, exact.pValue(), 1e-12);
        Paired.Wilcoxon approx = Paired.wilcoxon(a, b, false);
        assertEquals(0.1650265656246961, approx.pValue(), 1e-12);
    }

    /**
     * Ties at n = 24 and n = 36 (scores in halves: many |differences| tie, and some are zero).
     * Data: python3 -c "import numpy as np; r=np.random.default_rng(24); a=np.round(r.normal(5,1,24)*2)/2;
     * b=np.round(r.normal(5.3,1,24)*2)/2" (and seed 36, n 36, shift 0.4). The exact permutation
     * distribution over the midranks (a separate numpy subset-count of 2·ranks) gives 0.37561607360839844
     * and 0.0013786554336547852; scipy.stats.wilcoxon(a, b, method=PermutationMethod(n_resamples=200000,
     * rng=default_rng(1))) gives 0.37535812320938394 and 0.0013899930500347497, within its Monte Carlo error;
     * method='approx' (tie-corrected) gives 0.3662224290745284 and 0.002064668938143889.
     */
    @Test
    void wilcoxonSignedRank_withTies_isExactOverMidranks() {
        double[] a24 = {6.5, 5.5, 4.0, 5.0, 4.5, 5.0, 5.5, 3.5, 6.0, 4.0, 5.0, 6.0, 5.5, 4.5, 7.0, 5.5, 4.0, 5.0, 4.0,
                5.5, 3.5, 5.5, 3.0, 6.0};
        double[] b24 = {5.5, 6.5, 4.5, 3.0, 4.0, 5.0, 7.5, 6.0, 6.5, 4.5, 5.0, 5.0, 6.5, 4.5, 5.0, 7.0, 4.5, 5.5, 4.0,
                5.0, 6.0, 6.5, 4.0, 3.0};
        Paired.Wilcoxon w24 = Paired.wilcoxon(a24, b24, true);
        assertEquals(81.0, w24.statistic());
        assertEquals(20, w24.n(), "4 zero differences dropped");
        assertEquals(0.37561607360839844, w24.pValue(), 1e-12);
        assertEquals(0.37535812320938394, w24.pValue(), 0.002, "scipy's permutation test, 200,000 resamples");
        assertEquals(0.3662224290745284, Paired.wilcoxon(a24, b24, false).pValue(), 1e-12);
        double[] a36 = {4.0, 4.5, 4.5, 5.0, 6.0, 5.0, 5.5, 5.0, 4.0, 5.0, 5.5, 5.0, 4.5, 4.0, 6.5, 4.0, 4.0, 3.5, 5.5,
                5.0, 4.0, 5.0, 5.0, 4.5, 4.0, 4.5, 5.0, 4.0, 4.5, 5.5, 6.0, 6.0, 5.5, 6.0, 4.5, 5.0};
        double[] b36 = {5.0, 6.5, 4.5, 5.0, 7.0, 5.0, 3.5, 6.0, 6.5, 4.5, 4.5, 5.0, 5.5, 6.5, 6.5, 4.0, 7.0, 4.5, 5.5,
                5.5, 5.0, 4.5, 7.5, 5.5, 7.0, 4.5, 6.0, 5.0, 6.0, 6.5, 4.5, 5.5, 6.0, 6.5, 6.5, 5.0};
        Paired.Wilcoxon w36 = Paired.wilcoxon(a36, b36, true);
        assertEquals(62.0, w36.statistic());
        assertEquals(27, w36.n());
        assertEquals(0.0013786554336547852, w36.pValue(), 1e-15);
        assertEquals(0.0013899930500347497, w36.pValue(), 0.0002, "scipy's permutation test, 200,000 resamples");
        assertEquals(0.002064668938143889, Paired.wilcoxon(a36, b36, false).pValue(), 1e-12);
    }

    /** GOLDEN.md: CUSUM (k=0.5, h=4) on [.1,−.3,.2,0,1.2,1.5,.9,1.4,1.1,1.3] alarms at index 9 with S=4.4. */
    @Test
    void cusum() {
        ChangePoint.Alarm a = ChangePoint.cusumUp(new double[] {.1, -.3, .2, 0, 1.2, 1.5, .9, 1.4, 1.1, 1.3}, 0.5, 4);
        assertEquals(9, a.index());
        assertEquals(4.4, a.s(), 1e-12);
        assertEquals(4, a.start(), "the rise began at index 4");
        assertNull(ChangePoint.cusumUp(new double[] {.1, .2, .1}, 0.5, 4));
    }

    /** GOLDEN.md: distinct-1 11/18, distinct-2 11/15. */
    @Test
    void distinctN() {
        List<String> t = List.of("the cat sat on the mat", "the cat sat on the hat", "a dog ran in the park");
        assertEquals(11.0 / 18, Diversity.distinctN(t, 1), 1e-12);
        assertEquals(11.0 / 15, Diversity.distinctN(t, 2), 1e-12);
    }
}

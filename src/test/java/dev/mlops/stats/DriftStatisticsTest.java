package dev.mlops.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Golden values from ../shared/GOLDEN.md (scipy 1.17.1, numpy 2.4.6) and, where marked, computed
 * the same way with the one-line command given.
 */
class DriftStatisticsTest {
    private static final double[] A = {.1, .2, .3, .4, .5};
    private static final double[] B = {.35, .45, .55, .65, .75, .85};

    /** GOLDEN.md: D=0.6666667, exact p=0.1082251. */
    @Test
    void ksStatisticAndExactPValue() {
        double d = KolmogorovSmirnov.statistic(A, 5, B, 6);
        assertEquals(0.6666666666666666, d, 1e-12);
        assertEquals(0.10822510822510821, KolmogorovSmirnov.exactP(d, 5, 6), 1e-9);
        assertEquals(0.10822510822510821, KolmogorovSmirnov.pValue(d, 5, 6), 1e-9);
    }

    /**
     * python3 -c "import numpy as np; from scipy import stats; a=[round(np.sin(i),6) for i in range(40)];
     *   b=[round(1.2*np.cos(i)+0.3,6) for i in range(60)]; r=stats.ks_2samp(a,b,method='exact'); print(r)"
     * → D=0.3, p=0.02254577544638676; and for c=sin(2i+1), d=sin(3i)+0.4, i<30: D=0.3, p=0.13500350250095441
     */
    @Test
    void ksExactPValue_onLargerSamples() {
        double[] a = new double[40];
        double[] b = new double[60];
        for (int i = 0; i < 40; i++) {
            a[i] = round6(Math.sin(i));
        }
        for (int i = 0; i < 60; i++) {
            b[i] = round6(1.2 * Math.cos(i) + 0.3);
        }
        Arrays.sort(a);
        Arrays.sort(b);
        double d = KolmogorovSmirnov.statistic(a, 40, b, 60);
        assertEquals(0.3, d, 1e-12);
        assertEquals(0.02254577544638676, KolmogorovSmirnov.exactP(d, 40, 60), 1e-9);
        double[] c = new double[30];
        double[] e = new double[30];
        for (int i = 0; i < 30; i++) {
            c[i] = round6(Math.sin(2 * i + 1));
            e[i] = round6(Math.sin(3 * i) + 0.4);
        }
        Arrays.sort(c);
        Arrays.sort(e);
        double d2 = KolmogorovSmirnov.statistic(c, 30, e, 30);
        assertEquals(0.3, d2, 1e-12);
        assertEquals(0.13500350250095441, KolmogorovSmirnov.exactP(d2, 30, 30), 1e-9);
    }

    private static double round6(double x) {
        return Math.round(x * 1e6) / 1e6;
    }

    /**
     * scipy.stats.kstwobign.sf: (0.5) 0.9639452436648751, (1.0) 0.26999967167735456,
     * (2.0) 0.0006709252557796953, (sqrt(24)·0.3) 0.026599704506935214.
     */
    @Test
    void kolmogorovLimitingDistribution() {
        assertEquals(0.9639452436648751, KolmogorovSmirnov.kolmogorovSf(0.5), 1e-12);
        assertEquals(0.26999967167735456, KolmogorovSmirnov.kolmogorovSf(1.0), 1e-12);
        assertEquals(0.0006709252557796953, KolmogorovSmirnov.kolmogorovSf(2.0), 1e-15);
        assertEquals(0.026599704506935214, KolmogorovSmirnov.asymptoticP(0.3, 40, 60), 1e-12);
    }

    /** GOLDEN.md: W1 = 0.3; divided by std(a, ddof=0) 2.1213203. */
    @Test
    void wassersteinDistance() {
        double w = Divergence.wasserstein(A, 5, B, 6);
        assertEquals(0.3, w, 1e-12);
        assertEquals(2.121320343559643, w / Divergence.std(A, 5), 1e-9);
    }

    /** GOLDEN.md: PSI 0.0088984441; with an empty bin (share → 1e-4) 0.7123991075. */
    @Test
    void populationStabilityIndex() {
        assertEquals(0.00889844410510068, Divergence.psi(new long[] {100, 200, 300, 250, 150},
                new long[] {80, 180, 320, 260, 160}), 1e-12);
        assertEquals(0.7123991075017365, Divergence.psi(new long[] {50, 30, 20, 0}, new long[] {40, 30, 20, 10}), 1e-12);
    }

    /** GOLDEN.md: Jensen-Shannon distance, base e 0.0333314280, base 2 0.0400351251. */
    @Test
    void jensenShannonDistance() {
        long[] r = {100, 200, 300, 250, 150};
        long[] c = {80, 180, 320, 260, 160};
        assertEquals(0.033331427974110074, Divergence.jensenShannon(r, c, Math.E), 1e-12);
        assertEquals(0.04003512505655515, Divergence.jensenShannon(r, c, 2), 1e-12);
        assertEquals(0, Divergence.jensenShannon(r, r, 2), 1e-12);
        assertEquals(1, Divergence.jensenShannon(new long[] {1, 0}, new long[] {0, 1}, 2), 1e-12);
    }

    /**
     * GOLDEN.md: χ²=1.3333333, p=0.5134171. Independence, by
     * python3 -c "from scipy import stats; import numpy as np;
     *   print(stats.chi2_contingency(np.array([[500,300,200,0],[45,35,15,5]]),correction=False)[:3])"
     * → 52.36777495072113, 2.500471908479712e-11, 3
     */
    @Test
    void chiSquare() {
        ChiSquare.Result gof = ChiSquare.goodnessOfFit(new double[] {500, 300, 200}, new long[] {45, 35, 20});
        assertEquals(1.3333333333333335, gof.statistic(), 1e-12);
        assertEquals(0.5134171190325921, gof.pValue(), 1e-9);
        ChiSquare.Result ind = ChiSquare.independence(new long[] {500, 300, 200, 0}, new long[] {45, 35, 15, 5});
        assertEquals(52.36777495072113, ind.statistic(), 1e-9);
        assertEquals(3, ind.df());
        assertEquals(2.500471908479712e-11, ind.pValue(), 1e-15);
    }

    /** GOLDEN.md: p=[.01,.04,.03,.005,.2] → [.025,.05,.05,.025,.2]. */
    @Test
    void benjaminiHochberg() {
        assertArrayEquals(new double[] {.025, .05, .05, .025, .2},
                MultipleTesting.benjaminiHochberg(new double[] {.01, .04, .03, .005, .2}), 1e-12);
    }

    /**
     * The Monroe et al. formula by hand:
     * python3 -c "import math; ya,na,yb,nb,aw,a0=3,50000,150,52000,1.5,1000;
     *   d=math.log((yb+aw)/(nb+a0-yb-aw))-math.log((ya+aw)/(na+a0-ya-aw)); print(d, d/math.sqrt(1/(ya+aw)+1/(yb+aw)))"
     */
    @Test
    void logOddsWithInformativeDirichletPrior() {
        assertEquals(LOG_ODDS_DELTA, LogOdds.delta(3, 50000, 150, 52000, 1.5, 1000), 1e-12);
        assertEquals(LOG_ODDS_Z, LogOdds.z(3, 50000, 150, 52000, 1.5, 1000), 1e-12);
    }

    static final double LOG_ODDS_DELTA = 3.4808162920107435;
    static final double LOG_ODDS_Z = 7.27664817154295;
}

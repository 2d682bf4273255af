package dev.mlops.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The chi-square upper tail far past 1 − CDF's reach, against scipy and exact forms. */
class ChiSquareTailTest {
    /**
     * python3 -c "from scipy.stats import chi2; print(chi2.sf(50,3), chi2.sf(200,1))"
     * → 7.989179244951495e-11 2.0884875837625688e-45 (1 − CDF gives 7.99e-11 and 0).
     */
    @Test
    void shouldMatchScipy_whereOneMinusTheCdfWouldBeZero() {
        assertEquals(7.989179244951495e-11, ChiSquare.sf(50, 3), 7.989179244951495e-11 * 1e-9);
        assertEquals(2.0884875837625688e-45, ChiSquare.sf(200, 1), 2.0884875837625688e-45 * 1e-9);
    }

    /**
     * Past the smallest double, log10 p by the asymptotic series. Exact for df = 4:
     * Q(2, h) = e^-h (1 + h), so log10 sf(1500, 4) = (−750 + ln 751) / ln 10 = −322.84522149043465;
     * and python3 -c "import mpmath; mpmath.mp.dps=30; print(mpmath.log10(mpmath.gammainc(1.5, 1000,
     * mpmath.inf, regularized=True)))" → −432.741809859319684 for sf(2000, 3).
     */
    @Test
    void shouldNeverBeZero_andGiveLog10PastUnderflow() {
        double p = ChiSquare.sf(1500, 4);
        assertTrue(p > 0, "never 0");
        assertEquals(-322.84522149043465, ChiSquare.log10Sf(1500, 4), 1e-9);
        assertEquals(-432.741809859319684, ChiSquare.log10Sf(2000, 3), 1e-9);
        assertTrue(ChiSquare.sf(2000, 3) > 0);
    }

    /** A sketch-based D comes with a bound: on a grid with no ties it is about 2/g plus the ±1% bands. */
    @Test
    void shouldBoundASketchBasedD() {
        double[] a = new double[2000];
        double[] b = new double[2000];
        for (int i = 0; i < a.length; i++) {
            a[i] = 100 + i;
            b[i] = 110 + i;
        }
        double bound = KolmogorovSmirnov.gridBound(a, b, 0.01);
        // at the top value 2,099 the ±1% band holds 42 of the 2,000 values: 0.001 + 2 · 0.0215
        assertEquals(0.044, bound, 0.001, "bound " + bound);
        double[] tied = new double[2000];
        java.util.Arrays.fill(tied, 50);
        assertEquals(1.0, KolmogorovSmirnov.band(tied, 0.01), 1e-12, "all mass in one value: no resolution");
    }
}

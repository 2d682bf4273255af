package dev.mlops.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class QuantilesTest {
    private static double q(double[] x, double p) {
        double[] s = x.clone();
        Arrays.sort(s);
        return Quantiles.linear(s, s.length, p);
    }

    /**
     * Reference: numpy 2.4 (default method 'linear'):
     * python3 -c "import numpy as np; x=[3.2,1.5,9.9,4.4,7.1,2.8,6.0];
     *   print([repr(float(np.percentile(x,q))) for q in (0,10,25,50,90,95,99,100)])"
     * → 1.5, 2.2800000000000002, 3.0, 4.4, 8.22, 9.059999999999999, 9.732, 9.9
     */
    @Test
    void shouldMatchNumpyLinearToTheLastBit() {
        double[] x = {3.2, 1.5, 9.9, 4.4, 7.1, 2.8, 6.0};
        assertEquals(1.5, q(x, 0));
        assertEquals(2.2800000000000002, q(x, 0.10));
        assertEquals(3.0, q(x, 0.25));
        assertEquals(4.4, q(x, 0.50));
        assertEquals(8.22, q(x, 0.90));
        assertEquals(9.059999999999999, q(x, 0.95));
        assertEquals(9.732, q(x, 0.99));
        assertEquals(9.9, q(x, 1));
    }

    /** numpy: np.percentile([.1,...,1.1], [50,90,95,99]) → 0.6, 1.0, 1.05, 1.09; [42] → 42; [1,2] p99 → 1.99 */
    @Test
    void shouldMatchNumpyOnEvenlySpacedAndTinySamples() {
        double[] y = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1};
        assertEquals(0.6, q(y, 0.50), 1e-15);
        assertEquals(1.0, q(y, 0.90), 1e-15);
        assertEquals(1.05, q(y, 0.95), 1e-15);
        assertEquals(1.09, q(y, 0.99), 1e-15);
        assertEquals(42.0, q(new double[] {42}, 0.5));
        assertEquals(1.99, q(new double[] {1, 2}, 0.99), 1e-15);
    }

    @Test
    void shouldReturnNaN_whenEmpty_andRejectQuantilesOutsideZeroOne() {
        assertEquals(Double.NaN, Quantiles.linear(new double[0], 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.linear(new double[] {1}, 1, 1.5));
    }
}

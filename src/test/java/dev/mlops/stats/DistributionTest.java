package dev.mlops.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DistributionTest {
    private static double[] lognormal(int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.exp(6 + 1.2 * r.nextGaussian());
        }
        return v;
    }

    private static Summary summarise(double[] v, int exactLimit) {
        Distribution d = new Distribution(exactLimit);
        for (double x : v) {
            d.add(x);
        }
        return d.summary();
    }

    @Test
    void shouldBeExact_whileUnderTheLimit() {
        double[] v = lognormal(5_000, 1);
        Summary s = summarise(v, 10_000);
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        assertEquals("exact", s.method());
        assertEquals(Quantiles.linear(sorted, sorted.length, 0.99), s.p99());
        assertEquals(sorted[0], s.min());
        assertEquals(sorted[sorted.length - 1], s.max());
        assertEquals(Arrays.stream(v).sum() / v.length, s.mean(), 1e-9);
        assertEquals(5_000, s.histogram().total());
    }

    /** The sketch's percentiles stay within its stated 1% relative error of the exact ones. */
    @Test
    void shouldStayWithinTheStatedRelativeError_pastTheLimit() {
        double[] v = lognormal(300_000, 2);
        Summary s = summarise(v, 1_000);
        assertEquals("ddsketch", s.method());
        assertEquals(Distribution.RELATIVE_ERROR, s.relativeError());
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double[] qs = {0.50, 0.90, 0.95, 0.99};
        double[] got = {s.p50(), s.p90(), s.p95(), s.p99()};
        for (int i = 0; i < qs.length; i++) {
            double exact = Quantiles.linear(sorted, sorted.length, qs[i]);
            assertEquals(exact, got[i], exact * Distribution.RELATIVE_ERROR * 1.001, "p" + qs[i]);
        }
        assertEquals(sorted[0], s.min(), 0.0);
        assertEquals(sorted[sorted.length - 1], s.max(), 0.0);
        assertEquals(300_000, s.histogram().total());
    }

    @Test
    void shouldGiveTheSameResult_whenMergedFromParts() {
        double[] v = lognormal(20_000, 3);
        for (int limit : new int[] {100_000, 5_000}) {
            Distribution whole = new Distribution(limit);
            Distribution a = new Distribution(limit);
            Distribution b = new Distribution(limit);
            for (int i = 0; i < v.length; i++) {
                whole.add(v[i]);
                (i % 3 == 0 ? a : b).add(v[i]);
            }
            a.merge(b);
            Summary sw = whole.summary();
            Summary sm = a.summary();
            assertEquals(sw.method(), sm.method());
            assertEquals(sw.p50(), sm.p50());
            assertEquals(sw.p99(), sm.p99());
            assertEquals(sw.count(), sm.count());
            assertEquals(sw.histogram(), sm.histogram());
        }
    }

    @Test
    void shouldIgnoreAbsentValues_andCountZerosApart() {
        Distribution d = new Distribution(10);
        d.add(Double.NaN);
        d.add(0);
        d.add(10);
        Summary s = d.summary();
        assertEquals(2, s.count());
        assertEquals(1, s.histogram().zeros());
        assertFalse(s.isEmpty());
        assertTrue(new Distribution(10).summary().isEmpty());
    }

    @Test
    void shouldPutValuesOnExactBucketEdgesIntoTheUpperBucket() {
        assertEquals(20, Histogram.index(10));
        assertEquals(40, Histogram.index(100));
        assertEquals(0, Histogram.index(1));
        assertEquals(-20, Histogram.index(0.1));
    }
}

package dev.mlops.stats;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A sum of doubles kept exactly, as a list of non-overlapping partials (Shewchuk's algorithm, as
 * Python's math.fsum), so that its value, the correctly rounded exact sum, does not depend on the
 * order in which values were added or sums merged. Accumulators that merge in any order (threads,
 * a cluster) use it so that the same data give the same bytes.
 */
public final class ExactSum implements Serializable {
    private static final long serialVersionUID = 1L;
    private double[] partials = new double[4];
    private int n;
    private double special;

    public void add(double x) {
        if (!Double.isFinite(x)) {
            special += x;
            return;
        }
        int i = 0;
        for (int j = 0; j < n; j++) {
            double y = partials[j];
            if (Math.abs(x) < Math.abs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0) {
                partials[i++] = lo;
            }
            x = hi;
        }
        if (i == partials.length) {
            partials = Arrays.copyOf(partials, i * 2);
        }
        partials[i] = x;
        n = i + 1;
    }

    public void merge(ExactSum o) {
        for (int j = 0; j < o.n; j++) {
            add(o.partials[j]);
        }
        special += o.special;
    }

    /** The exact sum, rounded once to the nearest double. */
    public double value() {
        if (special != 0 || Double.isNaN(special)) {
            return special;
        }
        if (n == 0) {
            return 0;
        }
        int k = n - 1;
        double hi = partials[k];
        double lo = 0;
        while (k > 0) {
            double x = hi;
            double y = partials[--k];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0) {
                break;
            }
        }
        // round half to even across the partials left below
        if (k > 0 && (lo < 0 && partials[k - 1] < 0 || lo > 0 && partials[k - 1] > 0)) {
            double y = lo * 2;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) {
                hi = x;
            }
        }
        return hi;
    }
}

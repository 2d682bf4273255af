package dev.mlops.stats;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A sum that does not depend on the order in which parts are merged. Values added to one part
 * are summed as plain doubles, in the part's own (fixed) order, which is as fast as a double;
 * merging adds those part sums to a list of non-overlapping partials (Shewchuk's algorithm, as
 * Python's math.fsum), kept exactly. The value is the exact sum of the part sums, rounded once:
 * the same parts give the same double whatever the order or shape of the merges (threads, a
 * cluster's tree of partitions).
 */
public final class ExactSum implements Serializable {
    private static final long serialVersionUID = 1L;
    private double[] partials = new double[4];
    private int n;
    private double special;
    private double running;

    /** Adds a value of this part. */
    public void add(double x) {
        running += x;
    }

    /** Adds a value exactly. */
    private void exact(double x) {
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

    /** Folds another part's sum into this one, exactly. */
    public void merge(ExactSum o) {
        exact(running);
        running = 0;
        exact(o.running);
        for (int j = 0; j < o.n; j++) {
            exact(o.partials[j]);
        }
        special += o.special;
    }

    /** The exact sum of the parts' sums, rounded once to the nearest double. */
    public double value() {
        if (n == 0 && special == 0) {
            return running;
        }
        if (running != 0 || !Double.isFinite(running)) {
            ExactSum copy = new ExactSum();
            copy.partials = partials.clone();
            copy.n = n;
            copy.special = special;
            copy.exact(running);
            return copy.value();
        }
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

package dev.mlops.stats;

/**
 * Distances between two distributions: population stability index, Jensen-Shannon distance,
 * Wasserstein-1.
 */
public final class Divergence {
    /** The share an empty bin is given in the PSI, so that its logarithm is defined. */
    public static final double PSI_EPSILON = 1e-4;

    private Divergence() {
    }

    /**
     * PSI = Σ (c_i − r_i)·ln(c_i / r_i) over bin shares, where a share of zero becomes
     * {@link #PSI_EPSILON}.
     */
    public static double psi(long[] reference, long[] current) {
        double[] r = shares(reference);
        double[] c = shares(current);
        double sum = 0;
        for (int i = 0; i < r.length; i++) {
            double ri = r[i] == 0 ? PSI_EPSILON : r[i];
            double ci = c[i] == 0 ? PSI_EPSILON : c[i];
            sum += (ci - ri) * Math.log(ci / ri);
        }
        return sum;
    }

    /** The Jensen-Shannon distance (the square root of the divergence) in the given log base. */
    public static double jensenShannon(long[] p, long[] q, double base) {
        double[] a = shares(p);
        double[] b = shares(q);
        double div = 0;
        for (int i = 0; i < a.length; i++) {
            double m = (a[i] + b[i]) / 2;
            if (a[i] > 0) {
                div += a[i] * Math.log(a[i] / m) / 2;
            }
            if (b[i] > 0) {
                div += b[i] * Math.log(b[i] / m) / 2;
            }
        }
        return Math.sqrt(Math.max(0, div) / Math.log(base));
    }

    static double[] shares(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double[] s = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            s[i] = total == 0 ? 0 : (double) counts[i] / total;
        }
        return s;
    }

    /** The Wasserstein-1 distance of two ascending samples: the area between their CDFs. */
    public static double wasserstein(double[] a, int n, double[] b, int m) {
        int i = 0;
        int j = 0;
        double area = 0;
        double prev = Math.min(a[0], b[0]);
        while (i < n || j < m) {
            double x = j >= m || i < n && a[i] <= b[j] ? a[i] : b[j];
            area += Math.abs((double) i / n - (double) j / m) * (x - prev);
            prev = x;
            while (i < n && a[i] <= x) {
                i++;
            }
            while (j < m && b[j] <= x) {
                j++;
            }
        }
        return area;
    }

    /** Population standard deviation (ddof = 0) of a sample. */
    public static double std(double[] a, int n) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += a[i];
        }
        mean /= n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += (a[i] - mean) * (a[i] - mean);
        }
        return Math.sqrt(ss / n);
    }
}

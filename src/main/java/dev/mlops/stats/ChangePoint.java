package dev.mlops.stats;

/** Change detection on a series of window values. */
public final class ChangePoint {
    private ChangePoint() {
    }

    /**
     * An upward CUSUM alarm: the first index where S reached h, the value of S there, and the
     * index where the run of S above zero that led to it began (when the change started).
     */
    public record Alarm(int index, double s, int start) {
    }

    /**
     * One-sided upper CUSUM, S_t = max(0, S_{t-1} + x_t − k), alarming when S_t ≥ h. Null when it
     * never alarms. Standardise x first to use k and h in standard deviations.
     */
    public static Alarm cusumUp(double[] x, double k, double h) {
        double s = 0;
        int start = -1;
        for (int t = 0; t < x.length; t++) {
            double next = Math.max(0, s + x[t] - k);
            if (s == 0 && next > 0) {
                start = t;
            }
            s = next;
            if (s >= h) {
                return new Alarm(t, s, start);
            }
        }
        return null;
    }
}

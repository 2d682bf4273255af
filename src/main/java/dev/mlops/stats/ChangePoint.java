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
    /**
     * The CUSUM threshold that keeps the false-alarm rate of a series at {@code alpha}, for a
     * series standardised on its own first {@code baseline} windows (mean and standard deviation
     * estimated there, as the detector does) and then monitored for {@code monitored} windows:
     * the (1 − alpha) quantile of max S over seeded simulations of normal series.
     */
    public static double calibratedH(int baseline, int monitored, double k, double alpha, long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        int sims = 2000;
        double[] maxima = new double[sims];
        double[] x = new double[baseline + monitored];
        for (int s = 0; s < sims; s++) {
            for (int i = 0; i < x.length; i++) {
                double u = rnd.nextDouble();
                double v = rnd.nextDouble();
                x[i] = Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
            }
            double mean = 0;
            for (int i = 0; i < baseline; i++) {
                mean += x[i];
            }
            mean /= baseline;
            double var = 0;
            for (int i = 0; i < baseline; i++) {
                var += (x[i] - mean) * (x[i] - mean);
            }
            double sd = Math.sqrt(var / (baseline - 1));
            double cusum = 0;
            double max = 0;
            for (int i = baseline; i < x.length; i++) {
                cusum = Math.max(0, cusum + (x[i] - mean) / sd - k);
                max = Math.max(max, cusum);
            }
            maxima[s] = max;
        }
        java.util.Arrays.sort(maxima);
        return maxima[(int) Math.min(sims - 1, Math.ceil((1 - alpha) * sims))];
    }

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

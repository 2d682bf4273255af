package dev.mlops.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A Bernoulli (binomial) CUSUM for error rates, with its threshold chosen by simulating the
 * in-control run.
 * <p>
 * Per window i with n_i requests and e_i errors, the log-likelihood ratio of a raised rate p1
 * against the baseline rate p0 is W_i = e_i ln(p1/p0) + (n_i − e_i) ln((1 − p1)/(1 − p0)), and
 * S_i = max(0, S_{i−1} + W_i) alarms at h. p0 is the rate of the first {@code baseline} windows,
 * p1 = p0 + max(minShift, p0). h is the (1 − alpha) quantile of max S over the monitored windows in
 * {@value #SIMULATIONS} seeded simulations of the same window sizes under p0, each re-estimating
 * p0 from its own baseline, so that the estimate's noise is part of the false-alarm rate. An
 * alarm is kept only when the rate after the change exceeds p0 by at least minShift. The change's
 * start is the maximum-likelihood split between the baseline's end and the alarm.
 */
public final class BinomialCusum {
    static final int SIMULATIONS = 2000;

    private BinomialCusum() {
    }

    /**
     * What the detector found.
     *
     * @param alarm  whether a change was found
     * @param index  the window of the alarm, or -1
     * @param start  the estimated first window of the change, or -1
     * @param p0     the baseline rate
     * @param after  the rate from {@code start} on (NaN without an alarm)
     * @param h      the threshold used
     */
    public record Result(boolean alarm, int index, int start, double p0, double after, double h) {
    }

    public static Result detect(long[] n, long[] e, int baseline, double alpha, double minShift, long seed) {
        if (n.length != e.length || baseline < 1 || baseline >= n.length) {
            throw new IllegalArgumentException("need a baseline of at least one window and one window after it");
        }
        double p0 = rate(n, e, 0, baseline);
        double p1 = Math.min(0.999, p0 + Math.max(minShift, p0));
        double h = threshold(n, baseline, p0, minShift, alpha, seed);
        double s = 0;
        for (int i = baseline; i < n.length; i++) {
            s = Math.max(0, s + llr(n[i], e[i], p0, p1));
            if (s >= h) {
                int start = start(n, e, baseline, i, p0);
                double after = rate(n, e, start, n.length);
                if (after - p0 < minShift) {
                    return new Result(false, -1, -1, p0, Double.NaN, h);
                }
                return new Result(true, i, start, p0, after, h);
            }
        }
        return new Result(false, -1, -1, p0, Double.NaN, h);
    }

    /** The rate of windows [from, to), with half an error added when there is none, so that logs stay finite. */
    static double rate(long[] n, long[] e, int from, int to) {
        long nn = 0;
        long ee = 0;
        for (int i = from; i < to; i++) {
            nn += n[i];
            ee += e[i];
        }
        return nn == 0 ? Double.NaN : Math.max(ee, 0.5) / nn;
    }

    static double llr(long n, long e, double p0, double p1) {
        return e * Math.log(p1 / p0) + (n - e) * Math.log((1 - p1) / (1 - p0));
    }

    /** The (1 − alpha) quantile of the largest S over the monitored windows, in control. */
    static double threshold(long[] n, int baseline, double p0, double minShift, double alpha, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] maxima = new double[SIMULATIONS];
        long[] e = new long[n.length];
        for (int k = 0; k < SIMULATIONS; k++) {
            for (int i = 0; i < n.length; i++) {
                e[i] = binomial(rnd, n[i], p0);
            }
            double q0 = rate(n, e, 0, baseline);
            double q1 = Math.min(0.999, q0 + Math.max(minShift, q0));
            double s = 0;
            double max = 0;
            for (int i = baseline; i < n.length; i++) {
                s = Math.max(0, s + llr(n[i], e[i], q0, q1));
                max = Math.max(max, s);
            }
            maxima[k] = max;
        }
        Arrays.sort(maxima);
        return Math.max(1e-9, maxima[(int) Math.min(SIMULATIONS - 1, Math.ceil((1 - alpha) * SIMULATIONS))]);
    }

    /** The split τ in [baseline, alarm] that maximises the likelihood of p0 before and a new rate from τ on. */
    static int start(long[] n, long[] e, int baseline, int alarm, double p0) {
        int best = baseline;
        double bestLl = Double.NEGATIVE_INFINITY;
        for (int tau = baseline; tau <= alarm; tau++) {
            double q = rate(n, e, tau, alarm + 1);
            double ll = 0;
            for (int i = baseline; i <= alarm; i++) {
                double p = i < tau ? p0 : q;
                ll += e[i] * Math.log(p) + (n[i] - e[i]) * Math.log(1 - p);
            }
            if (ll > bestLl + 1e-12) {
                bestLl = ll;
                best = tau;
            }
        }
        return best;
    }

    /** A binomial draw: by inversion for small means, else a normal approximation with continuity. */
    static long binomial(SplittableRandom rnd, long n, double p) {
        double mean = n * p;
        if (mean < 40) {
            // count exponential gaps (the waiting-time method), exact for the binomial
            double q = -Math.log1p(-p);
            long x = 0;
            double sum = 0;
            while (true) {
                sum += -Math.log(rnd.nextDouble()) / (n - x);
                if (sum > q || x >= n) {
                    return x;
                }
                x++;
            }
        }
        double sd = Math.sqrt(mean * (1 - p));
        long x = Math.round(mean + sd * gaussian(rnd));
        return Math.max(0, Math.min(n, x));
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}

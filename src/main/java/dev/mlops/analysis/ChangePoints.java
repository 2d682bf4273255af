package dev.mlops.analysis;

import dev.mlops.analysis.HealthReport.Finding;
import dev.mlops.analysis.HealthReport.Severity;
import dev.mlops.stats.BinomialCusum;
import dev.mlops.stats.ChangePoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Health's change points, over windows of at least {@value #MIN_WINDOW_REQUESTS} requests (a final
 * window with less than half the median traffic is still filling and left out), with the first
 * third (at least 4) as the baseline: the error rate by a Bernoulli CUSUM ({@link BinomialCusum})
 * whose threshold is simulated for a 1% false-alarm rate, reported (critical) only for a rise of at
 * least one percentage point; p95 latency by a standardised CUSUM with k = 0.5 and h simulated the
 * same way, reported (warning) for a move of at least 10%.
 */
final class ChangePoints {
    static final double CUSUM_K = 0.5;
    static final int MIN_WINDOWS = 8;
    /** Windows with fewer requests are left out of the change-point series. */
    static final int MIN_WINDOW_REQUESTS = 30;
    /** The false-alarm rate each change-point detector is calibrated to, per series. */
    static final double FALSE_ALARM = 0.01;
    /** The smallest rise in error rate reported as a change point (one percentage point). */
    static final double MIN_RATE_SHIFT = 0.01;
    /** The smallest rise in p95 latency reported as a change point (10%). */
    static final double MIN_LATENCY_SHIFT = 0.10;
    /** The seed of the threshold simulations: the same input gives the same report. */
    static final long SEED = 20261201L;

    private ChangePoints() {
    }

    static void find(HealthScan.Group g, long windowSeconds, List<Finding> out, List<HealthReport.Change> changes) {
        List<Long> idx = new ArrayList<>();
        for (Map.Entry<Long, HealthScan.Window> w : g.windows.entrySet()) {
            if (w.getValue().requests >= MIN_WINDOW_REQUESTS) {
                idx.add(w.getKey());
            }
        }
        if (idx.size() > 1 && partial(g, idx)) {
            idx.remove(idx.size() - 1);
        }
        if (idx.size() < MIN_WINDOWS) {
            if (!g.windows.isEmpty()) {
                out.add(new Finding("infrastructure", "change_points", Severity.INFO, idx.size(), String.format(Locale.ROOT,
                        "insufficient data: %d windows of %s with at least %d requests, change points need at least %d",
                        idx.size(), HealthAnalysis.human(windowSeconds), MIN_WINDOW_REQUESTS, MIN_WINDOWS)));
            }
            return;
        }
        int base = Math.max(4, idx.size() / 3);
        long[] n = new long[idx.size()];
        long[] e = new long[idx.size()];
        double[] p95 = new double[idx.size()];
        for (int i = 0; i < idx.size(); i++) {
            HealthScan.Window w = g.windows.get(idx.get(i));
            n[i] = w.requests;
            e[i] = w.errors;
            p95[i] = w.latency.count() == 0 ? Double.NaN : w.latency.quantile(0.95);
        }
        BinomialCusum.Result r = BinomialCusum.detect(n, e, base, FALSE_ALARM, MIN_RATE_SHIFT, SEED);
        if (r.alarm()) {
            out.add(new Finding("infrastructure", "change_point.error_rate", Severity.CRITICAL, r.after() - r.p0(),
                    String.format(Locale.ROOT, "error rate rose from %s to %s from the window starting %s (Bernoulli "
                            + "CUSUM alarm at %s)", pct(r.p0()), pct(r.after()),
                            Instant.ofEpochSecond(idx.get(r.start()) * windowSeconds),
                            Instant.ofEpochSecond(idx.get(r.index()) * windowSeconds))));
            changes.add(new HealthReport.Change("error_rate", Instant.ofEpochSecond(idx.get(r.start()) * windowSeconds),
                    Instant.ofEpochSecond(idx.get(r.index()) * windowSeconds)));
        }
        changePoint("latency_p95_ms", p95, idx, windowSeconds, Severity.WARNING, out, changes);
    }

    /** The last window holds less than half the median traffic of the others: it is still filling. */
    private static boolean partial(HealthScan.Group g, List<Long> idx) {
        long[] counts = new long[idx.size() - 1];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = g.windows.get(idx.get(i)).requests;
        }
        java.util.Arrays.sort(counts);
        long median = counts[counts.length / 2];
        return g.windows.get(idx.get(idx.size() - 1)).requests * 2 < median;
    }

    private static String pct(double rate) {
        return String.format(Locale.ROOT, "%.2f%%", rate * 100);
    }

    static void changePoint(String what, double[] series, List<Long> idx, long windowSeconds, Severity severity,
                            List<Finding> out, List<HealthReport.Change> changes) {
        for (double v : series) {
            if (Double.isNaN(v)) {
                return;
            }
        }
        int base = Math.max(4, series.length / 3);
        double mean = 0;
        for (int i = 0; i < base; i++) {
            mean += series[i];
        }
        mean /= base;
        double var = 0;
        for (int i = 0; i < base; i++) {
            var += (series[i] - mean) * (series[i] - mean);
        }
        double sd = Math.max(Math.sqrt(var / (base - 1)), Math.max(0.05 * Math.abs(mean), 1e-9));
        double[] z = new double[series.length - base];
        for (int i = base; i < series.length; i++) {
            z[i - base] = (series[i] - mean) / sd;
        }
        double h = ChangePoint.calibratedH(base, z.length, CUSUM_K, FALSE_ALARM, SEED);
        ChangePoint.Alarm a = ChangePoint.cusumUp(z, CUSUM_K, h);
        if (a == null) {
            return;
        }
        int start = base + a.start();
        double after = 0;
        for (int i = start; i < series.length; i++) {
            after += series[i];
        }
        after /= series.length - start;
        if (after - mean < MIN_LATENCY_SHIFT * Math.abs(mean)) {
            return;
        }
        out.add(new Finding("infrastructure", "change_point." + what, severity, after - mean, String.format(Locale.ROOT,
                "%s %s from %.4g to %.4g on average from the window starting %s (CUSUM alarm at %s)", what,
                after > mean ? "rose" : "fell", mean, after, Instant.ofEpochSecond(idx.get(start) * windowSeconds),
                Instant.ofEpochSecond(idx.get(base + a.index()) * windowSeconds))));
        changes.add(new HealthReport.Change(what, Instant.ofEpochSecond(idx.get(start) * windowSeconds),
                Instant.ofEpochSecond(idx.get(base + a.index()) * windowSeconds)));
    }
}

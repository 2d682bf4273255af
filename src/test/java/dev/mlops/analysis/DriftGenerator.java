package dev.mlops.analysis;

import dev.mlops.logs.LogRecord;
import dev.mlops.logs.Status;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded synthetic traffic for drift calibration: log-normal token counts and latencies, a fixed
 * categorical mix, and prompts drawn from a Zipf-distributed vocabulary, with knobs to plant
 * the shifts the calibration tests look for.
 */
final class DriftGenerator {
    static final int VOCABULARY = 2000;
    private static final double[] ZIPF = new double[VOCABULARY];

    static {
        double total = 0;
        for (int i = 0; i < VOCABULARY; i++) {
            total += 1 / Math.pow(i + 1, 1.1);
            ZIPF[i] = total;
        }
        for (int i = 0; i < VOCABULARY; i++) {
            ZIPF[i] /= total;
        }
    }

    double outputScale = 1;
    double newSegmentShare = 0;
    double bigramShare = 0;
    private final SplittableRandom r;

    DriftGenerator(long seed) {
        this.r = new SplittableRandom(seed);
    }

    private double lognormal(double mu, double sigma) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.exp(mu + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    }

    private String word() {
        int i = java.util.Arrays.binarySearch(ZIPF, r.nextDouble());
        return "w" + (i >= 0 ? i : -i - 1);
    }

    LogRecord next() {
        long in = Math.round(lognormal(5.5, 0.8));
        long out = Math.round(lognormal(4.8, 0.7) * outputScale);
        double ttft = lognormal(5.7, 0.3);
        double latency = ttft + out * 20 * lognormal(0, 0.2);
        double s = r.nextDouble();
        String segment = s < newSegmentShare ? "education"
                : s < newSegmentShare + (1 - newSegmentShare) * 0.6 ? "free"
                : s < newSegmentShare + (1 - newSegmentShare) * 0.9 ? "pro" : "enterprise";
        boolean error = r.nextDouble() < 0.02;
        StringBuilder prompt = new StringBuilder();
        int words = 8 + r.nextInt(8);
        for (int k = 0; k < words; k++) {
            prompt.append(k == 0 ? "" : " ").append(word());
        }
        if (r.nextDouble() < bigramShare) {
            prompt.append(" remote work");
        }
        return new LogRecord(null, null, "bot", "v1", null, null, null, segment, in, out, LogRecord.ABSENT,
                error ? Double.NaN : latency, error ? Double.NaN : ttft, error ? Status.ERROR : Status.OK, null,
                error ? null : r.nextDouble() < 0.05 ? "length" : "stop", prompt.toString(), null, Double.NaN,
                Map.of(), Map.of());
    }
}

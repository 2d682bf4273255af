package dev.mlops.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlops.logs.LogRecord;
import dev.mlops.logs.Status;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded calibration of health's change points: 48 hourly windows, the error rate fixed at 1%
 * (false alarms), or stepping from 1% to 6% at window 30 (detection, and the start within one
 * window). Measured rates are printed and recorded in the README.
 */
class HealthCalibrationTest {
    static final int WINDOWS = 48;
    static final int STEP_AT = 30;

    /** One trial's report: the error-rate change point it raised, if any. */
    private static HealthReport.Finding trial(long seed, int perWindow, double before, double after) {
        return trial(seed, perWindow, before, after, "change_point.error_rate");
    }

    private static HealthReport.Finding trial(long seed, int perWindow, double before, double after, String check) {
        Random rnd = new Random(seed);
        HealthScan scan = new HealthScan(List.of("version"), 3600, 86_400, Instant.parse("2027-01-01T00:00:00Z"));
        long t0 = Instant.parse("2026-11-01T00:00:00Z").getEpochSecond();
        for (int w = 0; w < WINDOWS; w++) {
            double rate = w >= STEP_AT ? after : before;
            for (int i = 0; i < perWindow; i++) {
                boolean error = rnd.nextDouble() < rate;
                double latency = Math.exp(6.8 + 0.4 * rnd.nextGaussian());
                scan.accept(new LogRecord("r" + w + "-" + i, Instant.ofEpochSecond(t0 + w * 3600L + i * 3600L / perWindow),
                        "bot", "v1", null, null, null, null, 100, error ? LogRecord.ABSENT : 50, LogRecord.ABSENT,
                        latency, Double.NaN, error ? Status.ERROR : Status.OK, error ? "http_500" : null,
                        error ? null : "stop", null, null, Double.NaN, null, null));
            }
        }
        HealthReport r = HealthAnalysis.analyze(scan, List.of(), null);
        return r.versions().get(0).findings().stream().filter(f -> f.check().equals(check))
                .findFirst().orElse(null);
    }

    private static double falseAlarms(int perWindow, int trials) {
        int alarms = 0;
        for (int t = 0; t < trials; t++) {
            alarms += trial(1000L * perWindow + t, perWindow, 0.01, 0.01) != null ? 1 : 0;
        }
        return (double) alarms / trials;
    }

    @Test
    void shouldRaiseFewFalseCriticalAlarms_onAStableErrorRate() {
        for (int perWindow : new int[] {400, 2000}) {
            double rate = falseAlarms(perWindow, 200);
            System.out.printf("health calibration: %d a window, error rate 1%%: false critical alarms %.1f%%%n",
                    perWindow, rate * 100);
            assertTrue(rate <= 0.05, perWindow + " a window: false alarms " + rate);
        }
    }

    @Test
    void shouldRaiseFewFalseLatencyAlarms_onStableLatencies() {
        int alarms = 0;
        int trials = 100;
        for (int t = 0; t < trials; t++) {
            alarms += trial(5000L + t, 400, 0.01, 0.01, "change_point.latency_p95_ms") != null ? 1 : 0;
        }
        System.out.printf("health calibration: stable log-normal latency, 400 a window: false p95 alarms %d/%d%n",
                alarms, trials);
        assertTrue(alarms <= 5, "false latency alarms " + alarms);
    }

    @Test
    void shouldFindAStepFromOneToSixPercent_withItsStartWithinOneWindow() {
        for (int perWindow : new int[] {400, 2000}) {
            int found = 0;
            int onTime = 0;
            int trials = 100;
            for (int t = 0; t < trials; t++) {
                HealthReport.Finding f = trial(7000L * perWindow + t, perWindow, 0.01, 0.06);
                if (f != null) {
                    found++;
                    Instant start = Instant.parse(f.message().replaceAll(".*from the window starting (\\S+) .*", "$1"));
                    long window = (start.getEpochSecond() - Instant.parse("2026-11-01T00:00:00Z").getEpochSecond()) / 3600;
                    onTime += Math.abs(window - STEP_AT) <= 1 ? 1 : 0;
                    assertTrue(f.message().startsWith("error rate rose from"), f.message());
                }
            }
            System.out.printf("health calibration: %d a window, 1%% -> 6%%: found %d/%d, start within one window %d/%d%n",
                    perWindow, found, trials, onTime, trials);
            assertTrue(found >= 95, perWindow + ": found " + found);
            assertTrue(onTime >= 90, perWindow + ": on time " + onTime);
        }
    }

    /** A failed request has no answer: its missing finish_reason is not missing data. */
    @Test
    void shouldNotCountFailedRequestsAsMissingAnAnswer() {
        HealthScan scan = new HealthScan(List.of("version"), 3600, 86_400, Instant.parse("2027-01-01T00:00:00Z"));
        for (int i = 0; i < 200; i++) {
            boolean error = i % 10 == 0;
            scan.accept(new LogRecord("r" + i, Instant.ofEpochSecond(1_790_000_000L + i), "bot", "v1", null, null, null,
                    null, 100, error ? LogRecord.ABSENT : 50, LogRecord.ABSENT, 900, 200, error ? Status.ERROR : Status.OK,
                    error ? "http_500" : null, error ? null : "stop", "p", error ? null : "a", Double.NaN, null, null));
        }
        HealthReport r = HealthAnalysis.analyze(scan, List.of(), null);
        assertTrue(r.versions().get(0).findings().stream().noneMatch(f -> f.check().startsWith("missing.")),
                r.versions().get(0).findings().toString());
    }
}

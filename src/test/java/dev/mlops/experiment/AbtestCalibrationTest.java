package dev.mlops.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlops.analysis.PriceBook;
import dev.mlops.analysis.RecordFilter;
import dev.mlops.logs.LogRecord;
import dev.mlops.logs.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Calibration of mlops abtest on seeded synthetic experiments run through the accumulator and the
 * analysis: A/A false-positive rates per metric (fixed horizon and sequential), the sequential test
 * under 10 interim looks, and the power to find a planted lift. The measured rates are printed; the
 * README records them.
 */
class AbtestCalibrationTest {
    /**
     * A/A trials per rate: 1,000 measure a rate to 0.7 points (binomial standard error), where 200
     * leave 1.5 (-Dabtest.trials=N to change). A test that is exactly at 5% shows more than 5% false
     * positives in about half of all runs, however many trials they have, so "at most 5%" is checked
     * as it can be: the count must not be significantly above 5% ({@link #atMostFivePercent}).
     */
    static final int TRIALS = Integer.getInteger("abtest.trials", 1000);
    /** A/A trials with a pre-period. */
    static final int CUPED_TRIALS = Integer.getInteger("abtest.cuped.trials", 1000);
    /** Trials of the ten-look test: each analyses the experiment ten times. */
    static final int LOOK_TRIALS = 200;
    static final List<String> METRICS = List.of("error_rate", "latency_ms", "thumbs_up", "converted:any", "spend:sum");

    /**
     * Whether {@code hits} false positives in {@code trials} are consistent with a rate of at most
     * 5%: the one-sided binomial p-value of so many under 5% is above 0.01. At 1,000 trials that
     * allows up to 67 (6.7%): P(X >= 67) = 0.0106 and P(X >= 68) < 0.01 (scipy binom.sf), and a
     * test whose true rate is 7.5% fails it 4 times in 5.
     */
    static boolean atMostFivePercent(int hits, int trials) {
        return new org.apache.commons.math3.distribution.BinomialDistribution(null, trials, 0.05)
                .cumulativeProbability(hits - 1) < 0.99;
    }

    @Test
    void theCheckOfAtMostFivePercent() {
        assertTrue(atMostFivePercent(67, 1000));
        assertTrue(!atMostFivePercent(68, 1000));
    }

    private static List<Metric> metrics() {
        List<Metric> out = new ArrayList<>();
        METRICS.forEach(m -> out.add(Metric.parse(m, java.util.Set.of())));
        return out;
    }

    private static final AbSettings SETTINGS = new AbSettings(null, "user", null, metrics(), RecordFilter.all(),
            PriceBook.of(Optional.empty()));

    /**
     * One user's requests: 1 to 5, each an error with probability 4%, latency log-normal around a
     * per-user level, thumbs on 30% of them; the user converts with probability {@code conversion}
     * and spends an exponential amount.
     */
    static void user(AbScan scan, SplittableRandom r, String id, String arm, double conversion) {
        user(scan, r, id, arm, conversion, Math.exp(6.5 + 0.3 * gauss(r)), 3);
    }

    /** The same, with the user's latency level and mean spend given (so that a pre-period can share them). */
    static void user(AbScan scan, SplittableRandom r, String id, String arm, double conversion, double level,
                     double spend) {
        int k = 1 + r.nextInt(5);
        boolean converted = r.nextDouble() < conversion;
        for (int i = 0; i < k; i++) {
            boolean error = r.nextDouble() < 0.04;
            Map<String, Double> feedback = r.nextDouble() < 0.3 ? Map.of("thumbs", r.nextDouble() < 0.6 ? 1.0 : -1.0) : Map.of();
            Map<String, String> attributes = Map.of("converted", converted ? "TRUE" : "FALSE",
                    "spend", Double.toString(-Math.log(1 - r.nextDouble()) * spend));
            scan.accept(new LogRecord(null, null, "bot", arm, null, null, id, null, 100, 50, LogRecord.ABSENT,
                    level * Math.exp(0.2 * gauss(r)), Double.NaN, error ? Status.ERROR : Status.OK, error ? "e" : null,
                    "stop", null, null, Double.NaN, feedback, attributes));
        }
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static AbAnalysis.Options options(boolean sequential) {
        return new AbAnalysis.Options("a", 0.05, "none", sequential, 5000, Map.of(), 20, false);
    }

    /** False-positive rate per metric over A/A trials of n users a side. */
    private static double[] aa(long seed0, int n, boolean sequential) {
        int[] hits = new int[METRICS.size()];
        for (int t = 0; t < TRIALS; t++) {
            SplittableRandom r = new SplittableRandom(seed0 + t);
            AbScan scan = new AbScan(SETTINGS, true);
            for (int u = 0; u < 2 * n; u++) {
                user(scan, r, "u" + u, u % 2 == 0 ? "a" : "b", 0.2);
            }
            AbReport rep = AbAnalysis.analyze(scan, null, options(sequential));
            for (int m = 0; m < METRICS.size(); m++) {
                if (rep.comparisons().get(m).significant()) {
                    hits[m]++;
                }
            }
        }
        double[] rates = new double[hits.length];
        for (int m = 0; m < hits.length; m++) {
            rates[m] = (double) hits[m] / TRIALS;
        }
        return rates;
    }

    @Test
    void aaTests_falsePositivesAtMostFivePercentPerMetric() {
        double[] fixed = aa(1000, 1000, false);
        double[] seq = aa(5000, 1000, true);
        for (int m = 0; m < METRICS.size(); m++) {
            System.out.printf(java.util.Locale.ROOT, "abtest A/A %-14s fixed %.3f sequential %.3f (%d trials)%n",
                    METRICS.get(m), fixed[m], seq[m], TRIALS);
            assertTrue(atMostFivePercent((int) Math.round(fixed[m] * TRIALS), TRIALS),
                    METRICS.get(m) + " fixed-horizon false positives " + fixed[m]);
            assertTrue(seq[m] <= 0.05, METRICS.get(m) + " sequential false positives " + seq[m]);
        }
    }

    /**
     * A/A with a pre-period in which each user has the same latency level and spend rate: CUPED keeps
     * the false-positive rate and reduces the variance of the per-request ratio and of the sum.
     */
    @Test
    void cuped_keepsFalsePositivesAtFivePercent_andReducesVariance() {
        List<String> names = List.of("latency_ms", "spend:sum");
        List<Metric> ms = new ArrayList<>();
        names.forEach(m -> ms.add(Metric.parse(m, java.util.Set.of())));
        AbSettings settings = new AbSettings(null, "user", null, ms, RecordFilter.all(), null);
        int n = 1000;
        int[] hits = new int[names.size()];
        double[] reduction = new double[names.size()];
        for (int t = 0; t < CUPED_TRIALS; t++) {
            SplittableRandom r = new SplittableRandom(30_000 + t);
            AbScan post = new AbScan(settings, true);
            AbScan pre = new AbScan(settings, false);
            for (int u = 0; u < 2 * n; u++) {
                double level = Math.exp(6.5 + 0.3 * gauss(r));
                double spend = Math.exp(1 + gauss(r));
                if (u % 10 != 0) {
                    user(pre, r, "u" + u, null, 0.2, level, spend);
                }
                user(post, r, "u" + u, u % 2 == 0 ? "a" : "b", 0.2, level, spend);
            }
            AbReport rep = AbAnalysis.analyze(post, pre, options(false));
            for (int m = 0; m < names.size(); m++) {
                AbReport.Comparison c = rep.comparisons().get(m);
                hits[m] += c.significant() ? 1 : 0;
                reduction[m] += c.cuped().varianceReduction() / CUPED_TRIALS;
            }
        }
        for (int m = 0; m < names.size(); m++) {
            double rate = (double) hits[m] / CUPED_TRIALS;
            System.out.printf(java.util.Locale.ROOT, "abtest A/A with CUPED %-10s false positives %.3f, variance "
                    + "reduction %.1f%% (%d trials)%n", names.get(m), rate, 100 * reduction[m], CUPED_TRIALS);
            assertTrue(atMostFivePercent(hits[m], CUPED_TRIALS), names.get(m) + " with CUPED: false positives " + rate);
            assertTrue(reduction[m] > 0.1, names.get(m) + ": CUPED removed " + reduction[m] + " of the variance");
        }
    }

    /** Ten looks at 10%, 20%, ... of the users: a false positive is any look that is significant. */
    @Test
    void sequential_survivesTenInterimLooks() {
        int[] seqHits = new int[METRICS.size()];
        int[] fixedHits = new int[METRICS.size()];
        int n = 2000;
        for (int t = 0; t < LOOK_TRIALS; t++) {
            SplittableRandom r = new SplittableRandom(9000 + t);
            AbScan scan = new AbScan(SETTINGS, true);
            boolean[] seqSeen = new boolean[METRICS.size()];
            boolean[] fixedSeen = new boolean[METRICS.size()];
            for (int look = 1; look <= 10; look++) {
                for (int u = (look - 1) * n / 10; u < look * n / 10; u++) {
                    user(scan, r, "a" + u, "a", 0.2);
                    user(scan, r, "b" + u, "b", 0.2);
                }
                AbReport seq = AbAnalysis.analyze(scan, null, options(true));
                for (int m = 0; m < METRICS.size(); m++) {
                    AbReport.Comparison c = seq.comparisons().get(m);
                    seqSeen[m] |= c.significant();
                    fixedSeen[m] |= c.pFixed() < 0.05;
                }
            }
            for (int m = 0; m < METRICS.size(); m++) {
                seqHits[m] += seqSeen[m] ? 1 : 0;
                fixedHits[m] += fixedSeen[m] ? 1 : 0;
            }
        }
        for (int m = 0; m < METRICS.size(); m++) {
            double seq = (double) seqHits[m] / LOOK_TRIALS;
            System.out.printf(java.util.Locale.ROOT, "abtest 10 looks %-14s sequential %.3f fixed-horizon %.3f (%d trials)%n",
                    METRICS.get(m), seq, (double) fixedHits[m] / LOOK_TRIALS, LOOK_TRIALS);
            assertTrue(seq <= 0.05, METRICS.get(m) + ": peeking 10 times, sequential false positives " + seq);
        }
    }

    /** A 3-point lift on a 20% conversion rate, 10,000 users an arm: found at least as often as planned (80%). */
    @Test
    void aPlantedLiftIsFound() {
        int trials = 100;
        int found = 0;
        for (int t = 0; t < trials; t++) {
            SplittableRandom r = new SplittableRandom(20_000 + t);
            AbScan scan = new AbScan(new AbSettings(null, "user", null, List.of(Metric.parse("converted:any",
                    java.util.Set.of())), RecordFilter.all(), null), true);
            for (int u = 0; u < 10_000; u++) {
                user(scan, r, "a" + u, "a", 0.20);
                user(scan, r, "b" + u, "b", 0.23);
            }
            AbReport.Comparison c = AbAnalysis.analyze(scan, null, options(false)).comparisons().get(0);
            found += c.significant() && c.difference() > 0 ? 1 : 0;
        }
        System.out.printf(java.util.Locale.ROOT, "abtest planted +3 points on 20%%: found %d of %d%n", found, trials);
        assertTrue(found >= 0.8 * trials, "found " + found + " of " + trials);
    }
}

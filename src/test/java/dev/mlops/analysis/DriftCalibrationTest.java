package dev.mlops.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Calibration of the default drift rules on seeded synthetic traffic (DriftGenerator): the
 * false-alarm rate on identical distributions, and the detection rate of planted shifts. The
 * measured rates are printed; the README records them.
 */
class DriftCalibrationTest {
    static final int N = 5000;

    private static GroupDrift trial(long seed, Consumer<DriftGenerator> shift, DriftSettings s) {
        DriftGenerator base = new DriftGenerator(seed * 2);
        DriftGenerator cur = new DriftGenerator(seed * 2 + 1);
        shift.accept(cur);
        DriftWindow a = s.newWindow();
        DriftWindow b = s.newWindow();
        for (int i = 0; i < N; i++) {
            a.accept(base.next(), s.terms(), false);
            b.accept(cur.next(), s.terms(), false);
        }
        return DriftComparison.compare(Map.of(), "current", a, b, s, DriftRules.defaults(), 100);
    }

    static DriftSettings settings(boolean text) {
        return new DriftSettings(DriftSettings.NUMERIC, DriftSettings.CATEGORICAL, text ? Terms.english() : null, false,
                100_000, TermCounter.DEFAULT_CAPACITY, 0);
    }

    private static double rate(int trials, long seed0, Consumer<DriftGenerator> shift, String feature) {
        int hits = 0;
        for (int t = 0; t < trials; t++) {
            GroupDrift g = trial(seed0 + t, shift, settings(true));
            boolean hit = feature == null ? g.drifted()
                    : g.features().stream().anyMatch(f -> f.feature().equals(feature) && f.drifted());
            hits += hit ? 1 : 0;
        }
        return (double) hits / trials;
    }

    @Test
    void falseAlarms_onIdenticalDistributions_areAtMostFivePercent() {
        double rate = rate(200, 1_000, g -> { }, null);
        System.out.printf("drift calibration: false-alarm rate %.3f over 200 trials, n=%d per window%n", rate, N);
        assertTrue(rate <= 0.05, "false-alarm rate " + rate);
    }

    @Test
    void aThirtyPercentRiseInMedianOutputTokens_isCaught() {
        double rate = rate(100, 2_000, g -> g.outputScale = 1.3, "output_tokens");
        System.out.printf("drift calibration: output tokens +30%% caught in %.2f of 100 trials%n", rate);
        assertTrue(rate >= 0.95, "detection rate " + rate);
    }

    @Test
    void aNewSegmentAtFivePercent_isCaught_andNamed() {
        double rate = rate(100, 3_000, g -> g.newSegmentShare = 0.05, "segment");
        System.out.printf("drift calibration: new segment at 5%% caught in %.2f of 100 trials%n", rate);
        assertTrue(rate >= 0.95, "detection rate " + rate);
        GroupDrift g = trial(3_000, x -> x.newSegmentShare = 0.05, settings(false));
        FeatureDrift seg = g.features().stream().filter(f -> f.feature().equals("segment")).findFirst().orElseThrow();
        assertTrue(seg.unseen().contains("education"), seg.unseen().toString());
    }

    @Test
    void aNewBigramInThreePercentOfPrompts_isCaught_andAmongTheTopThreeRisingTerms() {
        int hits = 0;
        int top3 = 0;
        for (int t = 0; t < 100; t++) {
            GroupDrift g = trial(4_000 + t, x -> x.bigramShare = 0.03, settings(true));
            hits += g.features().stream().anyMatch(f -> f.kind().equals("text") && f.drifted()) ? 1 : 0;
            top3 += g.rising().stream().limit(3).anyMatch(r -> r.term().equals("remote work")) ? 1 : 0;
        }
        System.out.printf("drift calibration: new bigram at 3%% caught in %.2f of 100 trials, top-3 rising in %.2f%n",
                hits / 100.0, top3 / 100.0);
        assertTrue(hits >= 95, "detection " + hits);
        assertTrue(top3 >= 95, "top-3 " + top3);
    }

    /** A 2% rise of median output tokens on a million records a window is significant but negligible. */
    @Test
    void aNegligibleShiftOnAMillionRecords_isNotAnAlarm() {
        DriftSettings s = settings(false);
        DriftGenerator base = new DriftGenerator(91);
        DriftGenerator cur = new DriftGenerator(92);
        cur.outputScale = 1.02;
        DriftWindow a = s.newWindow();
        DriftWindow b = s.newWindow();
        for (int i = 0; i < 1_000_000; i++) {
            a.accept(base.next(), null, false);
            b.accept(cur.next(), null, false);
        }
        GroupDrift g = DriftComparison.compare(Map.of(), "current", a, b, s, DriftRules.defaults(), 100);
        FeatureDrift out = g.features().stream().filter(f -> f.feature().equals("output_tokens")).findFirst().orElseThrow();
        System.out.printf("drift calibration: +2%% on 1M records: p_adj=%.3g, W/σ=%.4f, method=%s%n", out.pAdjusted(),
                out.effect(), out.method());
        assertTrue(out.pAdjusted() < 0.05, "the shift is significant");
        assertTrue(out.effect() < 0.1, "but small");
        assertFalse(g.drifted(), g.toString());
    }
}

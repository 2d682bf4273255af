package dev.mlops.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlops.logs.LogRecord;
import dev.mlops.logs.Status;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Calibration of the collapse signals on seeded synthetic traffic: 30 daily windows of 2,000
 * requests, clicks (the proxy) and thumbs up or down (satisfaction). Rates are printed; the README
 * records them.
 */
class CollapseCalibrationTest {
    static final int DAYS = 30;
    static final int PER_DAY = 2000;
    static final String[] WORDS = ("refund order account reset password invoice plan upgrade cancel help billing "
            + "support shipping delivery payment card error login data export").split(" ");
    static final CollapseSettings SETTINGS = new CollapseSettings("feedback.clicked", "feedback.thumbs", 0, 0, 0.01,
            100, 2000, 60);

    /** clickFrom→clickTo and upFrom→upTo move linearly over the days; length grows by lengthGrowth in all. */
    static CollapseReport trial(long seed, double clickFrom, double clickTo, double upFrom, double upTo,
                                double lengthGrowth) {
        SplittableRandom r = new SplittableRandom(seed);
        CollapseScan scan = new CollapseScan(rec -> rec.timestamp().getEpochSecond() / 86_400, List.of("version"),
                RecordFilter.all(), SETTINGS);
        for (int d = 0; d < DAYS; d++) {
            double f = (double) d / (DAYS - 1);
            double click = clickFrom + (clickTo - clickFrom) * f;
            double up = upFrom + (upTo - upFrom) * f;
            double scale = 1 + lengthGrowth * f;
            for (int i = 0; i < PER_DAY; i++) {
                double clicked = r.nextDouble() < click ? 1 : 0;
                double thumbs = r.nextDouble() < up ? 1 : -1;
                long out = Math.round(Math.exp(4.8 + 0.6 * gauss(r)) * scale);
                String response = null;
                if (i < SETTINGS.responses()) {
                    StringBuilder sb = new StringBuilder();
                    for (int k = 0; k < 12; k++) {
                        sb.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
                    }
                    response = sb.toString();
                }
                scan.accept(new LogRecord(null, java.time.Instant.ofEpochSecond(86_400L * d + i), "bot", "v1", null, null,
                        null, null, 100, out, LogRecord.ABSENT, Double.NaN, Double.NaN, Status.OK, null, "stop", null,
                        response, Double.NaN, Map.of("clicked", clicked, "thumbs", thumbs), Map.of()));
            }
        }
        return CollapseAnalysis.analyze(scan, SETTINGS, w -> java.time.Instant.ofEpochSecond(w * 86_400).toString(), null);
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static boolean fired(CollapseReport r, String signal) {
        return r.groups().get(0).signals().stream().anyMatch(s -> s.name().equals(signal) && s.fired());
    }

    @Test
    void aStableModel_isFlaggedInAtMostFivePercentOfTrials() {
        int flagged = 0;
        for (int t = 0; t < 200; t++) {
            flagged += trial(10_000 + t, 0.2, 0.2, 0.7, 0.7, 0).suspected() ? 1 : 0;
        }
        System.out.printf("collapse calibration: stable model flagged in %.3f of 200 trials%n", flagged / 200.0);
        assertTrue(flagged <= 10, "flagged " + flagged);
    }

    @Test
    void aPlantedCollapse_isFlaggedInAtLeast95PercentOfTrials_withDivergenceNamed() {
        int divergence = 0;
        for (int t = 0; t < 100; t++) {
            CollapseReport r = trial(20_000 + t, 0.2, 0.3, 0.7, 0.6, 0);
            divergence += r.suspected() && fired(r, "divergence") ? 1 : 0;
        }
        System.out.printf("collapse calibration: planted collapse caught with divergence in %.2f of 100 trials%n",
                divergence / 100.0);
        assertTrue(divergence >= 95, "caught " + divergence);
    }

    @Test
    void aPlantedLengthExploitation_isNamedAsSuch() {
        int named = 0;
        for (int t = 0; t < 100; t++) {
            named += fired(trial(30_000 + t, 0.2, 0.2, 0.7, 0.7, 0.4), "length_exploitation") ? 1 : 0;
        }
        System.out.printf("collapse calibration: +40%% output length named in %.2f of 100 trials%n", named / 100.0);
        assertTrue(named >= 95, "named " + named);
    }
}

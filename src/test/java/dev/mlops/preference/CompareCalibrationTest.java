package dev.mlops.preference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Calibration of mlops compare: votes drawn from known Bradley-Terry strengths (four models at
 * 1100, 1050, 950 and 900, so their mean is 1000), 2,000 random pairs a trial. The bootstrap's 95%
 * intervals should hold the true rating about 95% of the time. The measured rate is printed; the
 * README records it.
 */
class CompareCalibrationTest {
    static final double[] TRUE = {1100, 1050, 950, 900};

    @Test
    void bootstrapIntervalsHoldTheTrueRatingsAbout95PercentOfTheTime() {
        int trials = 100;
        int held = 0;
        int checks = 0;
        for (int t = 0; t < trials; t++) {
            SplittableRandom r = new SplittableRandom(500 + t);
            List<Vote> votes = new ArrayList<>();
            for (int v = 0; v < 2000; v++) {
                int a = r.nextInt(4);
                int b = (a + 1 + r.nextInt(3)) % 4;
                double pa = 1 / (1 + Math.pow(10, (TRUE[b] - TRUE[a]) / 400));
                votes.add(new Vote(null, "m" + a, "m" + b, r.nextDouble() < pa ? Vote.Outcome.A : Vote.Outcome.B,
                        Vote.Side.A, null, null, v));
            }
            CompareReport rep = CompareAnalysis.analyze(votes, new CompareAnalysis.Options(false, 200, t, 10, null, 0));
            for (CompareReport.Rated m : rep.models()) {
                double truth = TRUE[Integer.parseInt(m.model().substring(1))];
                held += m.low() <= truth && truth <= m.high() ? 1 : 0;
                checks++;
            }
        }
        double rate = (double) held / checks;
        System.out.printf(java.util.Locale.ROOT, "compare calibration: true ratings inside the 95%% bootstrap "
                + "intervals %.3f of %d (%d trials)%n", rate, checks, trials);
        assertTrue(rate >= 0.90 && rate <= 0.99, "coverage " + rate);
    }
}

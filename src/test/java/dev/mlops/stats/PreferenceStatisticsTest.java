package dev.mlops.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The side-by-side statistics against ../shared/GOLDEN.md (scipy 1.17.1). */
class PreferenceStatisticsTest {
    /** A>B ×3, B>A ×1, B>C ×3, C>B ×1, A>C ×2, C>A ×2, one A–B tie (a half win each). */
    @Test
    void bradleyTerryMaximumLikelihood() {
        double[][] wins = {{0, 3.5, 2}, {1.5, 0, 3}, {2, 1, 0}};
        assertArrayEquals(new double[] {1055.1484, 1004.3215, 940.5301}, BradleyTerry.fit(wins, 1000), 1e-4);
    }

    /** With no covariate, the style-controlled fit is the plain one (GOLDEN.md's values again). */
    @Test
    void styleControlWithoutACovariateIsBradleyTerry() {
        int[] a = {0, 0, 0, 1, 1, 1, 1, 2, 0, 0, 2, 2, 0};
        int[] b = {1, 1, 1, 0, 2, 2, 2, 1, 2, 2, 0, 0, 1};
        double[] s = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5};
        StyleControl.Fit f = StyleControl.fit(3, a, b, s, new double[a.length], 1000);
        assertArrayEquals(new double[] {1055.1484, 1004.3215, 940.5301}, f.ratings(), 1e-3);
        assertEquals(0, f.gamma(), 1e-6);
    }

    @Test
    void onlineEloInTheOrderOfTheVotes() {
        // A=0, B=1, C=2; each vote as (a, b, score of a)
        int[] a = {0, 0, 0, 1, 1, 1, 1, 2, 0, 0, 2, 2, 0};
        int[] b = {1, 1, 1, 0, 2, 2, 2, 1, 2, 2, 0, 0, 1};
        double[] s = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5};
        assertArrayEquals(new double[] {1003.5750, 1000.1076, 996.3174}, BradleyTerry.elo(3, a, b, s, 4, 1000), 1e-4);
    }

    @Test
    void cohensAndFleissKappa() {
        int[] r1 = {1, 1, 0, 1, 0, 1, 1, 0, 1, 1};
        int[] r2 = {1, 0, 0, 1, 0, 1, 1, 1, 1, 1};
        assertEquals(0.5238095, Agreement.cohen(r1, r2, 2), 1e-7);
        assertEquals(0.2605634, Agreement.fleiss(new long[][] {{3, 0, 0}, {0, 3, 0}, {1, 2, 0}, {0, 1, 2}, {1, 1, 1}}), 1e-7);
    }

    @Test
    void positionBiasBinomialAndWilson() {
        assertEquals(0.0209787, Binomial.twoSided(62, 100, 0.5), 1e-7);
        assertArrayEquals(new double[] {0.5221, 0.7090}, Binomial.wilson(62, 100, 0.05), 1e-4);
    }
}

package dev.mlops.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;

/** A proportion's exact test and its Wilson interval. */
public final class Binomial {
    private Binomial() {
    }

    /**
     * The two-sided exact binomial test of k successes in n against p (scipy.stats.binomtest: the sum
     * of the probabilities of outcomes no likelier than k's).
     */
    public static double twoSided(long k, long n, double p) {
        BinomialDistribution d = new BinomialDistribution(null, (int) n, p);
        double pk = d.probability((int) k);
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double pi = d.probability(i);
            if (pi <= pk * (1 + 1e-7)) {
                sum += pi;
            }
        }
        return Math.min(1, sum);
    }

    /** The Wilson score interval of k in n at level 1 − alpha. */
    public static double[] wilson(long k, long n, double alpha) {
        double z = TwoSample.z(1 - alpha / 2);
        double ph = (double) k / n;
        double den = 1 + z * z / n;
        double centre = (ph + z * z / (2 * n)) / den;
        double half = z * Math.sqrt(ph * (1 - ph) / n + z * z / (4.0 * n * n)) / den;
        return new double[] {centre - half, centre + half};
    }
}

package dev.mlops.stats;

/**
 * Ratings from pairwise outcomes. Bradley-Terry by maximum likelihood (Hunter's MM algorithm, ties
 * counted as half a win to each side), on the Elo scale: rating = 400·log10(strength), shifted so that
 * the ratings' mean is a given value; and online Elo.
 */
public final class BradleyTerry {
    private BradleyTerry() {
    }

    /**
     * The maximum-likelihood ratings of n models from {@code wins[i][j]}, the (possibly half) wins of i
     * over j, with mean {@code mean}. A model that never loses (or never wins) has no finite maximum;
     * a vanishing prior (10⁻⁶ of a tie against every opponent it met) keeps it finite and at the top
     * (or bottom). Models with no votes are NaN.
     */
    public static double[] fit(double[][] wins, double mean) {
        return fit(wins, mean, null, 1e-13);
    }

    /**
     * The same from a starting point (ratings of a fit on similar data, as the bootstrap's), iterating
     * until no strength moves by more than {@code tolerance} on the log scale.
     */
    public static double[] fit(double[][] wins, double mean, double[] start, double tolerance) {
        int n = wins.length;
        double[][] w = new double[n][n];
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && wins[i][j] + wins[j][i] > 0) {
                    w[i][j] = wins[i][j] + 1e-6;
                    seen[i] = true;
                }
            }
        }
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = start == null || Double.isNaN(start[i]) ? 1 : Math.pow(10, (start[i] - mean) / 400);
        }
        for (int iter = 0; iter < 100_000; iter++) {
            double change = 0;
            double[] next = new double[n];
            double logSum = 0;
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (!seen[i]) {
                    continue;
                }
                double won = 0;
                double denominator = 0;
                for (int j = 0; j < n; j++) {
                    double games = w[i][j] + w[j][i];
                    if (games > 0) {
                        won += w[i][j];
                        denominator += games / (p[i] + p[j]);
                    }
                }
                next[i] = won / denominator;
                logSum += Math.log(next[i]);
                m++;
            }
            double scale = Math.exp(logSum / m);
            for (int i = 0; i < n; i++) {
                if (seen[i]) {
                    next[i] /= scale;
                    change = Math.max(change, Math.abs(Math.log(next[i] / p[i])));
                    p[i] = next[i];
                }
            }
            if (change < tolerance) {
                break;
            }
        }
        double[] r = new double[n];
        double sum = 0;
        int m = 0;
        for (int i = 0; i < n; i++) {
            r[i] = seen[i] ? 400 * Math.log10(p[i]) : Double.NaN;
            if (seen[i]) {
                sum += r[i];
                m++;
            }
        }
        for (int i = 0; i < n; i++) {
            r[i] += mean - sum / m;
        }
        return r;
    }

    /**
     * Online Elo: for each outcome in order (winner index, loser index, and whether it was a tie), the
     * expected score E = 1 / (1 + 10^((r_b − r_a)/400)), and r_a += k·(S − E), r_b −= k·(S − E).
     */
    public static double[] elo(int n, int[] a, int[] b, double[] scoreOfA, double k, double start) {
        double[] r = new double[n];
        java.util.Arrays.fill(r, start);
        for (int v = 0; v < a.length; v++) {
            double e = 1 / (1 + Math.pow(10, (r[b[v]] - r[a[v]]) / 400));
            r[a[v]] += k * (scoreOfA[v] - e);
            r[b[v]] -= k * (scoreOfA[v] - e);
        }
        return r;
    }
}

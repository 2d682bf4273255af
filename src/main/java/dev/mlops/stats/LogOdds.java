package dev.mlops.stats;

/**
 * The log-odds ratio of a term between two corpora with an informative Dirichlet prior
 * (Monroe, Colaresi and Quinn 2008, "Fightin' Words", eq. 16 and 18): with counts y_a, y_b of
 * the term, corpus sizes n_a, n_b, the term's prior α_w and the prior's total α_0,
 * <pre>
 *   δ = ln((y_b + α_w) / (n_b + α_0 − y_b − α_w)) − ln((y_a + α_w) / (n_a + α_0 − y_a − α_w))
 *   σ² ≈ 1/(y_a + α_w) + 1/(y_b + α_w),   z = δ / σ
 * </pre>
 * A positive z means the term rose from corpus a to corpus b.
 */
public final class LogOdds {
    private LogOdds() {
    }

    public static double delta(double ya, double na, double yb, double nb, double alphaW, double alpha0) {
        return Math.log((yb + alphaW) / (nb + alpha0 - yb - alphaW)) - Math.log((ya + alphaW) / (na + alpha0 - ya - alphaW));
    }

    public static double z(double ya, double na, double yb, double nb, double alphaW, double alpha0) {
        double sigma = Math.sqrt(1 / (ya + alphaW) + 1 / (yb + alphaW));
        return delta(ya, na, yb, nb, alphaW, alpha0) / sigma;
    }
}

package dev.mlops.stats;

/**
 * CUPED (Deng et al., 2013): a post-period metric Y adjusted by its pre-period value X,
 * Y − θ(X − X̄) with θ = cov(Y, X) / var(X), which keeps the mean and removes the variance that
 * the pre-period explains.
 */
public final class Cuped {
    private Cuped() {
    }

    /** θ from sums over n units: of x, y, x², x·y. Zero when X does not vary. */
    public static double theta(long n, double x, double y, double x2, double xy) {
        double varX = x2 - x * x / n;
        double cov = xy - x * y / n;
        return varX <= 0 ? 0 : cov / varX;
    }

    /** The share of Y's variance that the adjustment removes: 1 − var(adjusted) / var(Y). */
    public static double varianceReduction(double varY, double varAdjusted) {
        return varY <= 0 ? 0 : 1 - varAdjusted / varY;
    }
}

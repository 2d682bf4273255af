package dev.mlops.stats;

/** Units per arm for a two-arm test, two-sided at level alpha with the given power. */
public final class SampleSize {
    private SampleSize() {
    }

    /**
     * For proportions p1 (baseline) and p2 = p1 + mde: (z₁₋α/₂·√(2p̄q̄) + z_power·√(p1q1 + p2q2))² / (p2 − p1)²,
     * with p̄ the mean of p1 and p2 (Fleiss), before rounding up.
     */
    public static double proportions(double p1, double p2, double alpha, double power) {
        double za = TwoSample.z(1 - alpha / 2);
        double zb = TwoSample.z(power);
        double pm = (p1 + p2) / 2;
        double a = za * Math.sqrt(2 * pm * (1 - pm)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        return a * a / ((p2 - p1) * (p2 - p1));
    }

    /** For a continuous metric with standard deviation sd and an absolute effect mde: 2(z₁₋α/₂ + z_power)²·sd² / mde². */
    public static double means(double sd, double mde, double alpha, double power) {
        double z = TwoSample.z(1 - alpha / 2) + TwoSample.z(power);
        return 2 * z * z * sd * sd / (mde * mde);
    }

    /** The smallest absolute effect detectable with the given power, for a difference with standard error se. */
    public static double detectable(double se, double alpha, double power) {
        return (TwoSample.z(1 - alpha / 2) + TwoSample.z(power)) * se;
    }
}

package dev.mlops.stats;

/**
 * Always-valid inference for a difference of means: the asymptotic confidence sequence of
 * Waudby-Smith et al. (2023, eq. 161, two-sided), tuned so that it is tightest near N* units (as
 * GrowthBook's sequential testing). A team may look at it every day; the chance that it ever
 * excludes a true zero stays at most alpha.
 */
public final class ConfidenceSequence {
    private ConfidenceSequence() {
    }

    /** The mixing parameter ρ = √((−2 ln α + ln(−2 ln α + 1)) / N*). */
    public static double rho(double alpha, double nStar) {
        double l = -2 * Math.log(alpha);
        return Math.sqrt((l + Math.log(l + 1)) / nStar);
    }

    /**
     * The half-width at n units for a difference with standard error se: with s = se·√n,
     * s·√((nρ² + 1) / (n²ρ²) · ln((nρ² + 1) / α²)).
     */
    public static double halfWidth(double se, long n, double alpha, double rho) {
        double s = se * Math.sqrt(n);
        double v = n * rho * rho + 1;
        return s * Math.sqrt(v / ((double) n * n * rho * rho) * Math.log(v / (alpha * alpha)));
    }

    /**
     * The always-valid p-value: the α at which the sequence (with ρ fixed) just reaches zero,
     * √(nρ² + 1) · exp(−(d/s)² n²ρ² / (2(nρ² + 1))), at most 1.
     */
    public static double pValue(double difference, double se, long n, double rho) {
        if (se == 0 || Double.isNaN(se)) {
            return difference == 0 ? 1 : 0;
        }
        double s = se * Math.sqrt(n);
        double v = n * rho * rho + 1;
        double e = difference / s;
        return Math.min(1, Math.sqrt(v) * Math.exp(-e * e * (double) n * n * rho * rho / (2 * v)));
    }
}

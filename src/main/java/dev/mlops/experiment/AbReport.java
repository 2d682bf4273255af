package dev.mlops.experiment;

import java.util.List;

/**
 * The result of an A/B test: the trust checks, the units per arm, and each arm compared with the
 * control on each metric, overall and per segment. Measures without a value are NaN.
 *
 * @param armField       the field arms were read from ("arm", which defaults to the version)
 * @param unitField      the randomisation unit's field
 * @param control        the baseline arm
 * @param controlChosen  whether the control was chosen (the first arm by name) rather than named
 * @param segmentField   the field segments were cut by, or null
 * @param alpha          the significance level
 * @param correction     bh, holm or none, over each family
 * @param sequential     whether p-values and intervals are always-valid (confidence sequences)
 * @param nStar          the confidence sequences' tuning (units where they are tightest)
 * @param trust          the trust checks, which come before any result
 * @param arms           units per arm, sorted by name
 * @param comparisons    each treatment arm against the control on each metric, over all units
 * @param family         which tests the correction of {@code comparisons} ran over
 * @param segments       the same per segment (capped at 20 segments by units, the rest "(other)")
 * @param segmentFamily  which tests the correction of {@code segments} ran over
 * @param pooled         per metric and arm, what the segments say together: Simpson's paradox, Mantel-Haenszel
 * @param warnings       what a reader must know before trusting a result, most important first
 */
public record AbReport(String armField, String unitField, String control, boolean controlChosen, String segmentField,
                       double alpha, String correction, boolean sequential, double nStar, Trust trust, List<Arm> arms,
                       List<Comparison> comparisons, String family, List<Comparison> segments, String segmentFamily,
                       List<Pooled> pooled, List<String> warnings) {
    public static final String SCHEMA = "mlops.abtest/v1";

    public AbReport {
        arms = List.copyOf(arms);
        comparisons = List.copyOf(comparisons);
        segments = List.copyOf(segments);
        pooled = List.copyOf(pooled);
        warnings = List.copyOf(warnings);
    }

    /**
     * The checks that say whether the split can be trusted.
     *
     * @param records       requests read (after --where)
     * @param withoutUnit   requests without the unit field, left out
     * @param withoutArm    requests without an arm, left out
     * @param units         units seen
     * @param multiArmUnits units seen in more than one arm: counted, and left out of every metric
     * @param srm           the sample-ratio mismatch test
     * @param coverage      per metric, the units of the analysis that carry it
     */
    public record Trust(long records, long withoutUnit, long withoutArm, long units, long multiArmUnits, Srm srm,
                        List<Coverage> coverage) {
        public Trust {
            coverage = List.copyOf(coverage);
        }
    }

    /**
     * Sample-ratio mismatch: units per arm against the expected split.
     *
     * @param chi2    the statistic; NaN when skipped
     * @param p       its p-value; NaN when skipped
     * @param flagged p below 0.001
     * @param skipped why it was not run (an arm with fewer than 8 units), or null
     */
    public record Srm(double chi2, double p, boolean flagged, String skipped) {
    }

    /** A metric's coverage: units that carry it, and units without it (left out of it). */
    public record Coverage(String metric, long units, long without) {
    }

    /** An arm: its units (in one arm only), its share of them, and the share the split expects. */
    public record Arm(String name, long units, double share, double expectedShare) {
    }

    /**
     * One arm against the control on one metric.
     *
     * @param segment     the segment, or null over all units
     * @param test        z (two proportions), welch, or delta (a per-request ratio)
     * @param difference  arm mean − control mean, with its interval
     * @param lift        relative lift arm / control − 1, with its interval (delta method)
     * @param p           the p-value (always-valid with --sequential)
     * @param pFixed      the fixed-horizon p-value, beside the sequential one (equal to p without --sequential)
     * @param pAdjusted   p adjusted over the family
     * @param mde         the smallest absolute difference detectable with 80% power at these units
     * @param cuped       the CUPED adjustment, or null without a pre-period (or for a ratio metric)
     * @param verdict     better, worse, or inconclusive
     */
    public record Comparison(String segment, String metric, String arm, String control, String test, long unitsControl,
                             long unitsArm, double meanControl, double meanArm, double difference, double differenceLow,
                             double differenceHigh, double lift, double liftLow, double liftHigh, double p,
                             double pFixed, double pAdjusted, boolean significant, double mde, CupedFit cuped,
                             String verdict) {
    }

    /** CUPED: θ, the share of variance removed, and the units that had a pre-period value. */
    public record CupedFit(double theta, double varianceReduction, long unitsWithPre) {
    }

    /**
     * What the segments say together about one metric and arm.
     *
     * @param simpson   the pooled difference has the opposite sign to every segment's
     * @param oddsRatio the Mantel-Haenszel odds ratio over the segments (binary metrics), else NaN
     * @param cmhP      the Cochran-Mantel-Haenszel p-value with continuity correction, else NaN
     */
    public record Pooled(String metric, String arm, boolean simpson, double oddsRatio, double cmhP) {
    }

    /** Whether the comparison of {@code arm} on {@code metric} over all units is significantly worse. */
    public boolean loses(String metric) {
        return comparisons.stream().anyMatch(c -> c.metric().equals(metric) && c.verdict().equals("worse"));
    }
}

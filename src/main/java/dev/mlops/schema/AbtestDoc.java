package dev.mlops.schema;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** The JSON of {@code mlops abtest} (schema {@value #SCHEMA}); measures without a value are null. */
public record AbtestDoc(
        @JsonPropertyDescription("\"" + AbtestDoc.SCHEMA + "\"") String schema,
        @JsonPropertyDescription("the mlops version") String toolVersion,
        @JsonPropertyDescription("the field arms were read from") String armField,
        @JsonPropertyDescription("the randomisation unit's field") String unitField,
        String control,
        @JsonPropertyDescription("true when the control was chosen as the first arm by name") boolean controlChosen,
        @JsonPropertyDescription("the field segments were cut by, or null") String segmentField,
        double alpha,
        @JsonPropertyDescription("bh, holm or none") String correction,
        @JsonPropertyDescription("true when p-values and intervals are always-valid (confidence sequences)") boolean sequential,
        @JsonPropertyDescription("the confidence sequences' tuning N*") double nStar,
        @JsonPropertyDescription("what a reader must know before any result, most important first") List<String> warnings,
        Trust trust,
        List<Arm> arms,
        @JsonPropertyDescription("which tests the correction of comparisons ran over") String family,
        @JsonPropertyDescription("each arm against the control, per metric, over all units") List<Comparison> comparisons,
        @JsonPropertyDescription("which tests the correction of segments ran over, or null") String segmentFamily,
        @JsonPropertyDescription("the comparisons per segment") List<Comparison> segments,
        @JsonPropertyDescription("per metric and arm, what the segments say together") List<Pooled> pooled) {
    public static final String SCHEMA = "mlops.abtest/v1";

    /** The trust checks. */
    public record Trust(long records, @JsonPropertyDescription("requests without the unit field") long withoutUnit,
                        @JsonPropertyDescription("requests without an arm") long withoutArm, long units,
                        @JsonPropertyDescription("units seen in more than one arm, left out of every metric") long multiArmUnits,
                        Srm srm, List<Coverage> coverage) {
    }

    /** The sample-ratio mismatch test. */
    public record Srm(Double chi2, Double p, @JsonPropertyDescription("p below 0.001") boolean flagged,
                      @JsonPropertyDescription("why it was skipped, or null") String skipped) {
    }

    /** A metric's units with and without it. */
    public record Coverage(String metric, long units, long without) {
    }

    /** An arm. */
    public record Arm(String name, long units, Double share, Double expectedShare) {
    }

    /** One arm against the control on one metric. */
    public record Comparison(
            @JsonPropertyDescription("null over all units") String segment,
            String metric, String arm, String control,
            @JsonPropertyDescription("z, welch, delta, or none (too few units)") String test,
            long unitsControl, long unitsArm, Double meanControl, Double meanArm,
            @JsonPropertyDescription("arm mean minus control mean") Double difference,
            Double differenceLow, Double differenceHigh,
            @JsonPropertyDescription("relative lift: arm / control - 1") Double lift,
            Double liftLow, Double liftHigh,
            @JsonPropertyDescription("always-valid with sequential") Double p,
            @JsonPropertyDescription("the fixed-horizon p-value") Double pFixed,
            Double pAdjusted, boolean significant,
            @JsonPropertyDescription("the smallest absolute difference detectable with 80% power") Double mde,
            @JsonPropertyDescription("null without a pre-period") Cuped cuped,
            @JsonPropertyDescription("better, worse, inconclusive or insufficient data") String verdict) {
    }

    /** CUPED's fit. */
    public record Cuped(double theta, double varianceReduction, long unitsWithPre) {
    }

    /** What the segments say together. */
    public record Pooled(String metric, String arm,
                         @JsonPropertyDescription("the pooled difference has the opposite sign to every segment's") boolean simpson,
                         @JsonPropertyDescription("Mantel-Haenszel odds ratio, binary metrics") Double oddsRatio,
                         @JsonPropertyDescription("Cochran-Mantel-Haenszel p-value with continuity correction") Double cmhP) {
    }
}

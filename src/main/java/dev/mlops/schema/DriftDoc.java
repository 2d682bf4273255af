package dev.mlops.schema;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;

/** The JSON of {@code mlops drift} (schema {@value #SCHEMA}). */
public record DriftDoc(
        @JsonPropertyDescription("\"" + DriftDoc.SCHEMA + "\"") String schema,
        @JsonPropertyDescription("the mlops version") String toolVersion,
        @JsonPropertyDescription("windows or timeline") String mode,
        @JsonPropertyDescription("the --by fields") List<String> groupBy,
        Rules rules,
        Inputs inputs,
        @JsonPropertyDescription("true when any group drifted") boolean drifted,
        @JsonPropertyDescription("the most in any group") int featuresDrifted,
        @JsonPropertyDescription("the largest in any group") Double maxPsi,
        List<Group> groups) {
    public static final String SCHEMA = "mlops.drift/v1";

    /** The thresholds in force. */
    public record Rules(double alpha, double minWasserstein, double minJs, double minZ, double minShareChange,
                        double prior, long minTermCount,
                        @JsonPropertyDescription("features switched off") List<String> disabled) {
    }

    /** What each side read. */
    public record Inputs(List<Input> baseline, List<Input> current) {
    }

    /** One input of one side. */
    public record Input(String file, String format, long records, long badRecords) {
    }

    /** One group in one window, against the baseline. */
    @JsonClassDescription("one group in one window against the baseline")
    public record Group(
            @JsonPropertyDescription("field to value") Map<String, String> key,
            String window,
            long nBaseline,
            long nCurrent,
            boolean insufficient,
            boolean drifted,
            int featuresDrifted,
            Double maxPsi,
            List<Feature> features,
            Terms terms) {
    }

    /** One feature's test. */
    public record Feature(
            String feature,
            @JsonPropertyDescription("numeric, categorical, text") String kind,
            @JsonPropertyDescription("ks, chi2, log-odds") String test,
            Double statistic,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @JsonPropertyDescription("D from sketches: the exact D lies within statistic ± statistic_bound; "
                    + "absent when exact") Double statisticBound,
            Double pValue,
            @JsonPropertyDescription("Benjamini-Hochberg") Double pAdjusted,
            @JsonPropertyDescription("wasserstein_norm, js, share_change") String effectName,
            Double effect,
            Double threshold,
            Double psi,
            Double js,
            long nBaseline,
            long nCurrent,
            @JsonPropertyDescription("categories new in the current window") List<String> unseen,
            boolean enabled,
            boolean drifted,
            String method) {
    }

    /** Terms whose document share moved. */
    public record Terms(List<Shift> rising, List<Shift> falling, @JsonProperty("new") List<Shift> fresh) {
    }

    /** One term's shift: counts are documents that hold the term. */
    @JsonClassDescription("counts are documents that hold the term, not occurrences")
    public record Shift(String term, Double z, long baseline, long current, @JsonProperty("new") boolean isNew) {
    }
}

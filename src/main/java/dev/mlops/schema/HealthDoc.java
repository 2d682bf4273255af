package dev.mlops.schema;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;

/** The JSON of {@code mlops health} (schema {@value #SCHEMA}). */
public record HealthDoc(
        @JsonPropertyDescription("\"" + HealthDoc.SCHEMA + "\"") String schema,
        @JsonPropertyDescription("the mlops version") String toolVersion,
        Counts counts,
        List<Version> versions,
        @JsonPropertyDescription("null without eval results of two versions") Forgetting forgetting) {
    public static final String SCHEMA = "mlops.health/v1";

    /** Findings by severity. */
    public record Counts(long critical, long warning, long info) {
    }

    /** One version's findings. */
    public record Version(String version, @JsonPropertyDescription("field to value") Map<String, String> key,
                          long requests, Counts counts, List<Finding> findings) {
    }

    /** One finding. */
    public record Finding(
            @JsonPropertyDescription("data_quality, infrastructure, forgetting") String section,
            String check,
            @JsonPropertyDescription("info, warning, critical") String severity,
            Double value,
            String message) {
    }

    /** Paired eval results of two versions. */
    @JsonClassDescription("paired eval results of the baseline and current versions")
    public record Forgetting(String baselineVersion, String currentVersion, long paired, List<Category> categories,
                             List<String> flipped, List<String> onlyBaseline, List<String> onlyCurrent) {
    }

    /** One eval category. */
    public record Category(String category, long paired, long passedBefore, long passedAfter, long lostPasses,
                           long gainedPasses, Double scoreBefore, Double scoreAfter, Double pPassed, Double pScore,
                           Double pAdjusted, boolean regressed) {
    }
}

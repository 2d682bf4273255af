package dev.mlops.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;

/** The coverage report of {@code mlops select --report} (schema {@value #SCHEMA}). */
public record SelectDoc(
        @JsonPropertyDescription("\"" + SelectDoc.SCHEMA + "\"") String schema,
        @JsonPropertyDescription("the mlops version") String toolVersion,
        @JsonPropertyDescription("-n") long requested,
        long picked,
        long seed,
        @JsonPropertyDescription("the --allocate rule") String allocate,
        String outputFormat,
        List<Stratum> strata,
        Tokens sourceTokens,
        Tokens selectionTokens,
        @JsonPropertyDescription("per stratification field: length_bin and each --by field")
        Map<String, Double> jsDistance,
        long duplicatesLeftOut,
        @JsonPropertyDescription("records without a prompt or a response") long withoutTextLeftOut,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonPropertyDescription("prompts rated both ways; with --format dpo only") Long eligiblePairs,
        @JsonPropertyDescription("kind to count") Map<String, Long> redacted) {
    public static final String SCHEMA = "mlops.select/v1";

    /** One stratum: what the source had and what was picked. */
    public record Stratum(String stratum, @JsonPropertyDescription("field to value") Map<String, String> key,
                          long source, long quota, long candidates, long picked, long shortfall) {
    }

    /** The length measure's distribution. */
    public record Tokens(long count, Double mean, Double min, Double p10, Double p50, Double p90, Double p99,
                         Double max) {
    }
}

package dev.mlops.schema;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;

/** The JSON of {@code mlops collapse} (schema {@value #SCHEMA}). */
public record CollapseDoc(
        @JsonPropertyDescription("\"" + CollapseDoc.SCHEMA + "\"") String schema,
        @JsonPropertyDescription("the mlops version") String toolVersion,
        @JsonPropertyDescription("the reward-proxy field") String proxy,
        @JsonPropertyDescription("the satisfaction field") String satisfaction,
        double alpha,
        boolean suspected,
        @JsonPropertyDescription("ok, collapse suspected, insufficient data") String verdict,
        @JsonPropertyDescription("the --by fields") List<String> groupBy,
        List<Group> groups) {
    public static final String SCHEMA = "mlops.collapse/v1";

    /** One group's windows and signals. */
    public record Group(
            @JsonPropertyDescription("field to value") Map<String, String> key,
            @JsonPropertyDescription("ok, collapse suspected, insufficient data") String verdict,
            List<Window> windows,
            List<Signal> signals,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @JsonPropertyDescription("with --against only") Comparison comparison) {
    }

    /** One window's means with 95% intervals. */
    @JsonClassDescription("means with 95% intervals")
    public record Window(String window, long requests, long scored, Double proxyMean, Double proxyLow,
                         Double proxyHigh, Double satisfactionMean, Double satisfactionLow, Double satisfactionHigh,
                         @JsonPropertyDescription("Spearman, proxy against satisfaction") Double rho,
                         Double clickbaitRate, Double medianOutputTokens,
                         @JsonProperty("distinct_2") Double distinct2, Double nearDuplicateShare,
                         boolean insufficient) {
    }

    /** One collapse signal. */
    public record Signal(String name, boolean fired, String evidence) {
    }

    /** The group against the --against version. */
    @JsonClassDescription("the group against the --against version, lifts with 95% intervals")
    public record Comparison(String against, Double proxyLift, Double proxyLow, Double proxyHigh,
                             Double satisfactionLift, Double satisfactionLow, Double satisfactionHigh,
                             boolean flagged) {
    }
}

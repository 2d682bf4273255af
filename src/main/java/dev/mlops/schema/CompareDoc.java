package dev.mlops.schema;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** The JSON of {@code mlops compare} (schema {@value #SCHEMA}); measures without a value are null. */
public record CompareDoc(
        @JsonPropertyDescription("\"" + CompareDoc.SCHEMA + "\"") String schema,
        @JsonPropertyDescription("the mlops version") String toolVersion,
        @JsonPropertyDescription("bradley-terry or elo") String method,
        @JsonPropertyDescription("bootstrap fits behind the intervals") int bootstrap,
        long seed,
        @JsonPropertyDescription("models with fewer votes are listed, not ranked") int minVotes,
        long votes,
        @JsonPropertyDescription("ties, tie (bothbad) included") long ties,
        List<String> warnings,
        @JsonPropertyDescription("best rating first") List<Model> models,
        @JsonPropertyDescription("the order of the matrices' rows and columns") List<String> names,
        @JsonPropertyDescription("win_rate[i][j]: i's share of its votes against j, ties half") List<List<Double>> winRate,
        @JsonPropertyDescription("votes[i][j] between i and j") List<List<Long>> voteCounts,
        @JsonPropertyDescription("per judge: how often the answer shown first won a decided vote") List<Bias> positionBias,
        @JsonPropertyDescription("null when no item has votes of two judges") Agreement agreement,
        @JsonPropertyDescription("the length-controlled fit (--control-length), or null") LengthControl lengthControl,
        @JsonPropertyDescription("a leaderboard per segment (--segment-by)") List<Segment> segments,
        @JsonPropertyDescription("AlpacaEval input: each model against its baseline (generator_1)") List<AgainstBaseline> againstBaseline) {
    public static final String SCHEMA = "mlops.compare/v1";

    /** One model. */
    public record Model(String model, Double rating, Double ratingLow, Double ratingHigh,
                        @JsonPropertyDescription("null when below min_votes") Integer rank, long votes, long wins,
                        long losses, long ties, Double winRate) {
    }

    /** One judge's position bias. */
    public record Bias(String judge, long decided, @JsonPropertyDescription("won by the answer shown first") long first,
                       Double share, @JsonPropertyDescription("two-sided binomial against 0.5") Double p,
                       @JsonPropertyDescription("Wilson 95% interval") Double low, Double high) {
    }

    /** Ratings with the length difference as a covariate, beside the raw ones on the same votes. */
    public record LengthControl(long votes,
                                @JsonPropertyDescription("per sd of (len_a - len_b) / (len_a + len_b), logit scale") Double gamma,
                                List<Rating> ratings) {
    }

    /** A model's raw and length-controlled ratings. */
    public record Rating(String model, Double raw, Double controlled) {
    }

    /** A model against the baseline: AlpacaEval's win rate (mean of preference - 1), its standard error, the discrete win rate. */
    public record AgainstBaseline(String model, String baseline, long annotations, Double winRate, Double standardError,
                                  Double discreteWinRate) {
    }

    /** One segment's leaderboard. */
    public record Segment(String segment, long votes, List<Model> models) {
    }

    /** Agreement between judges. */
    public record Agreement(long items, int judges, Double percent, @JsonPropertyDescription("cohen or fleiss") String statistic,
                            Double kappa) {
    }
}

package dev.mlops.preference;

import java.util.List;

/**
 * Ratings of models from pairwise votes, with what a reader needs to trust them. Measures without
 * a value are NaN.
 *
 * @param method      bradley-terry or elo
 * @param bootstrap   bootstrap fits behind the intervals
 * @param seed        the bootstrap's seed
 * @param minVotes    models with fewer votes are listed but not ranked
 * @param votes       votes read
 * @param ties        of which ties (tie (bothbad) included)
 * @param models      the models, best rating first
 * @param names       the models in the order of the matrices' rows and columns (by name)
 * @param winRate     winRate[i][j]: the share of i's votes against j that i won, ties half (NaN when none)
 * @param voteCounts  voteCounts[i][j]: votes between i and j
 * @param bias        position bias per judge: how often the answer shown first won a decided vote
 * @param agreement   agreement between judges on the same item and pair, or null when no item has two
 * @param lengths     the length-controlled fit (--control-length), or null
 * @param segments    a leaderboard per segment (--segment-by), by name
 * @param baseline    AlpacaEval-style win rates against the baseline (generator_1), for annotation input
 * @param warnings    what to know before trusting the ratings
 */
public record CompareReport(String method, int bootstrap, long seed, int minVotes, long votes, long ties,
                            List<Rated> models, List<String> names, List<List<Double>> winRate,
                            List<List<Long>> voteCounts, List<Bias> bias, Agreement agreement, LengthControl lengths,
                            List<Segment> segments, List<AgainstBaseline> baseline, List<String> warnings) {
    public static final String SCHEMA = "mlops.compare/v1";

    public CompareReport {
        models = List.copyOf(models);
        names = List.copyOf(names);
        winRate = List.copyOf(winRate);
        voteCounts = List.copyOf(voteCounts);
        bias = List.copyOf(bias);
        segments = List.copyOf(segments);
        baseline = List.copyOf(baseline);
        warnings = List.copyOf(warnings);
    }

    /**
     * Ratings with the responses' length difference as a covariate (Chatbot Arena's style control).
     *
     * @param votes   the votes with both lengths, which the fit uses
     * @param gamma   the covariate's coefficient, per standard deviation of (len_a − len_b) / (len_a + len_b)
     * @param ratings per model, in the order of {@code names}: raw (Bradley-Terry on the same votes) and controlled
     */
    public record LengthControl(long votes, double gamma, List<String> names, List<Double> raw, List<Double> controlled) {
        public LengthControl {
            names = List.copyOf(names);
            raw = List.copyOf(raw);
            controlled = List.copyOf(controlled);
        }
    }

    /**
     * A model against the baseline, as AlpacaEval reports it: the mean of (preference − 1) over its
     * annotations, its standard error (ddof 1), and the discrete win rate (wins, and half the draws).
     */
    public record AgainstBaseline(String model, String baseline, long annotations, double winRate, double standardError,
                                  double discreteWinRate) {
    }

    /** One segment's leaderboard. */
    public record Segment(String segment, long votes, List<Rated> models) {
        public Segment {
            models = List.copyOf(models);
        }
    }

    /**
     * One model.
     *
     * @param rank    1 + the models whose interval lies wholly above this one's; 0 when not ranked
     * @param winRate its share of votes won, ties half
     */
    public record Rated(String model, double rating, double low, double high, int rank, long votes, long wins,
                        long losses, long ties, double winRate) {
    }

    /** One judge's position bias: decided votes with a known order, how many the first-shown answer won. */
    public record Bias(String judge, long decided, long first, double share, double p, double low, double high) {
    }

    /**
     * Agreement on items that several judges voted on.
     *
     * @param statistic cohen (two judges) or fleiss (more)
     */
    public record Agreement(long items, int judges, double percent, String statistic, double kappa) {
    }
}

package dev.mlops.cli;

import dev.mlops.preference.CompareAnalysis;
import dev.mlops.preference.VoteFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of {@code mlops compare}: the input, the fit, the bootstrap, length control and segments. */
final class CompareOptions {
    @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, mlops, fastchat, alpaca-eval or models-from-name (default: ${DEFAULT-VALUE}).")
    String inputFormat;

    @Option(names = "--models-from-name", paramLabel = "REGEX", description = "The two models are in each file's name: "
            + "a pattern with two groups, e.g. 'answer_(.+)-vs-answer_(.+?)-gpt4'; each line's score is 1, 2 or 3 (tie).")
    String modelsFromName;

    @Option(names = "--method", paramLabel = "HOW", defaultValue = "bt",
            description = "bt (Bradley-Terry by maximum likelihood) or elo (online, K 4, in time order) (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000",
            description = "Bootstrap fits for the intervals, resampling the votes (default: ${DEFAULT-VALUE}; 0 for none).")
    int bootstrap;

    @Mixin
    SeedOption random;

    @Option(names = "--min-votes", paramLabel = "N", defaultValue = "10",
            description = "Models with fewer votes are listed but not ranked (default: ${DEFAULT-VALUE}).")
    int minVotes;

    @Option(names = "--anchor", paramLabel = "MODEL=RATING", description = "Fix one model's rating (default: a mean of 1000).")
    String anchor;

    @Option(names = "--control-length", description = "Also fit the ratings with the responses' normalised length "
            + "difference as a covariate (Chatbot Arena's style control), beside the raw ones; needs length_a and length_b.")
    boolean controlLength;

    @Option(names = "--segment-by", paramLabel = "FIELD", description = "A leaderboard per value of FIELD in the votes "
            + "(segment by default), with a warning where a segment has too few votes.")
    String segmentBy;

    @Mixin
    BadLinesOption badLines;

    CompareAnalysis.Options options(CommandSpec spec) {
        String m = method.toLowerCase(Locale.ROOT);
        if (!List.of("bt", "bradley-terry", "elo").contains(m)) {
            throw usage(spec, "--method " + method + ": expected bt or elo");
        }
        if (bootstrap < 0 || minVotes < 0) {
            throw usage(spec, "--bootstrap and --min-votes must not be negative");
        }
        String model = null;
        double at = Double.NaN;
        if (anchor != null) {
            int eq = anchor.lastIndexOf('=');
            try {
                model = anchor.substring(0, eq);
                at = Double.parseDouble(anchor.substring(eq + 1));
            } catch (RuntimeException e) {
                throw usage(spec, "--anchor " + anchor + ": expected MODEL=RATING, e.g. gpt-4=1200");
            }
            if (model.isEmpty() || !Double.isFinite(at)) {
                throw usage(spec, "--anchor " + anchor + ": expected MODEL=RATING, e.g. gpt-4=1200");
            }
        }
        return new CompareAnalysis.Options(m.equals("elo"), bootstrap, random.seed, minVotes, model, at, controlLength,
                segmentBy != null);
    }

    /** The vote format named by --input-format, or null for auto. */
    VoteFormat format(CommandSpec spec) {
        try {
            return VoteFormat.byName(inputFormat);
        } catch (IllegalArgumentException e) {
            throw usage(spec, "--input-format " + e.getMessage());
        }
    }

    /** The --models-from-name pattern, or null. */
    Pattern pattern(CommandSpec spec) {
        try {
            return modelsFromName == null ? null : Pattern.compile(modelsFromName);
        } catch (PatternSyntaxException e) {
            throw usage(spec, "--models-from-name: " + e.getDescription());
        }
    }

    private static ParameterException usage(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}

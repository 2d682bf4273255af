package dev.mlops.cli;

import dev.mlops.logs.JsonLines;
import dev.mlops.preference.CompareAnalysis;
import dev.mlops.preference.CompareReport;
import dev.mlops.preference.Vote;
import dev.mlops.preference.VoteFormat;
import dev.mlops.report.CompareRender;
import dev.mlops.report.OutputFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops compare}: ratings people can trust, from side-by-side votes. */
@Command(name = "compare", sortOptions = false,
        description = {"Which model do people (or an LLM judge) prefer, side by side? Reads pairwise votes (mlops's own, "
                + "FastChat / Chatbot Arena battles, AlpacaEval annotations, or files that name the two models in their "
                + "file name) and fits Bradley-Terry ratings (ties half a win; scale 400, base 10, mean 1000) with "
                + "bootstrap intervals and ranks, or online Elo; beside them win rates, the win matrix, position bias per "
                + "judge (binomial test, Wilson interval) and agreement between judges (Cohen's or Fleiss' kappa)."})
final class CompareCommand implements Callable<Integer> {
    private final Env env;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "VOTES", description = "Vote files: JSONL or a JSON array, gzip or zstd too.")
    List<Path> files = new ArrayList<>();

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

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "The bootstrap's seed (default: ${DEFAULT-VALUE}).")
    long seed;

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

    @Option(names = "--max-bad-lines", paramLabel = "N|P%", defaultValue = "1%",
            description = "Votes that cannot be read, skipped and reported; past this many it is exit 3 (default: ${DEFAULT-VALUE}).")
    String maxBad;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    CompareCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        CompareAnalysis.Options options = options();
        VoteFormat named;
        try {
            named = VoteFormat.byName(inputFormat);
        } catch (IllegalArgumentException e) {
            throw usage("--input-format " + e.getMessage());
        }
        Pattern pair = null;
        if (modelsFromName != null) {
            try {
                pair = Pattern.compile(modelsFromName);
            } catch (PatternSyntaxException e) {
                throw usage("--models-from-name: " + e.getDescription());
            }
        }
        List<Vote> votes = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        long[] read = {0};
        for (Path f : files) {
            String name = env.display(f);
            String[] models = null;
            if (pair != null) {
                try {
                    models = VoteFormat.modelsFromName(pair, f.getFileName().toString());
                } catch (IllegalArgumentException e) {
                    throw new MlopsException(ExitCode.BAD_INPUT, name + ": " + e.getMessage());
                }
            }
            String[] fileModels = models;
            VoteFormat[] format = {named != null ? named : pair != null ? VoteFormat.NAMED_PAIR : null};
            JsonLines.read(env.path(f.toString()), name, (o, line) -> {
                read[0]++;
                if (format[0] == null) {
                    format[0] = VoteFormat.sniff(o, false);
                }
                try {
                    Vote v = format[0].vote(o, fileModels, votes.size());
                    if (segmentBy != null && !segmentBy.equals("segment")) {
                        com.fasterxml.jackson.databind.JsonNode seg = o.get(segmentBy);
                        v = v.withSegment(seg == null || seg.isNull() || seg.isContainerNode() ? null : seg.asText());
                    }
                    votes.add(new Vote(v.item(), intern(v.modelA()), intern(v.modelB()), v.outcome(), v.firstShown(),
                            intern(v.judge()), intern(v.segment()), v.order(), v.lengthA(), v.lengthB(), v.preference()));
                } catch (IllegalArgumentException e) {
                    bad.add(name + ":" + line + ": " + e.getMessage());
                }
            });
        }
        for (String b : bad.subList(0, Math.min(5, bad.size()))) {
            spec.commandLine().getErr().println(b);
        }
        if (!bad.isEmpty()) {
            if (tooMany(bad.size(), read[0])) {
                throw new MlopsException(ExitCode.BAD_INPUT, String.format(Locale.ROOT, "%,d of %,d votes cannot be read, "
                        + "more than --max-bad-lines %s allows", bad.size(), read[0], maxBad));
            }
            spec.commandLine().getErr().printf(Locale.ROOT, "mlops: skipped %,d unreadable vote%s of %,d%n", bad.size(),
                    bad.size() == 1 ? "" : "s", read[0]);
        }
        CompareReport report;
        try {
            report = CompareAnalysis.analyze(votes, options);
        } catch (IllegalArgumentException e) {
            throw new MlopsException(ExitCode.BAD_INPUT, e.getMessage());
        }
        output.emit(CompareRender.renderer(VersionProvider.version()).render(report, output.format),
                spec.commandLine().getOut());
        return ExitCode.OK.code();
    }

    /** Names repeat on every vote: one String each, so that millions of votes fit in memory. */
    private final java.util.Map<String, String> names = new java.util.HashMap<>();

    private String intern(String s) {
        return s == null ? null : names.computeIfAbsent(s, k -> k);
    }

    private CompareAnalysis.Options options() {
        String m = method.toLowerCase(Locale.ROOT);
        if (!List.of("bt", "bradley-terry", "elo").contains(m)) {
            throw usage("--method " + method + ": expected bt or elo");
        }
        if (bootstrap < 0 || minVotes < 0) {
            throw usage("--bootstrap and --min-votes must not be negative");
        }
        String model = null;
        double at = Double.NaN;
        if (anchor != null) {
            int eq = anchor.lastIndexOf('=');
            try {
                model = anchor.substring(0, eq);
                at = Double.parseDouble(anchor.substring(eq + 1));
            } catch (RuntimeException e) {
                throw usage("--anchor " + anchor + ": expected MODEL=RATING, e.g. gpt-4=1200");
            }
            if (model.isEmpty() || !Double.isFinite(at)) {
                throw usage("--anchor " + anchor + ": expected MODEL=RATING, e.g. gpt-4=1200");
            }
        }
        return new CompareAnalysis.Options(m.equals("elo"), bootstrap, seed, minVotes, model, at, controlLength,
                segmentBy != null);
    }

    private boolean tooMany(long badCount, long total) {
        String s = maxBad.trim();
        try {
            if (s.endsWith("%")) {
                return badCount > Double.parseDouble(s.substring(0, s.length() - 1)) / 100.0 * total;
            }
            return badCount > Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw usage("--max-bad-lines " + maxBad + ": expected a count (100) or a percentage (0.5%)");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** The formats compare writes: all of them. */
    static List<OutputFormat> formats() {
        return List.of(OutputFormat.values());
    }
}

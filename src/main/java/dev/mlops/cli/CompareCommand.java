package dev.mlops.cli;

import dev.mlops.preference.CompareAnalysis;
import dev.mlops.preference.CompareReport;
import dev.mlops.preference.Vote;
import dev.mlops.preference.VoteReader;
import dev.mlops.report.CompareRender;
import dev.mlops.report.html.CompareHtml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mlops compare}: ratings people can trust, from side-by-side votes. */
@Command(name = "compare", sortOptions = false,
        description = {"Which model do people (or an LLM judge) prefer, side by side? Reads pairwise votes (mlops's own, "
                + "FastChat / Chatbot Arena battles, AlpacaEval annotations, or files that name the two models in their "
                + "file name) and fits Bradley-Terry ratings (ties half a win; scale 400, base 10, mean 1000) with "
                + "bootstrap intervals and ranks, or online Elo; beside them win rates, the win matrix, position bias per "
                + "judge (binomial test, Wilson interval) and agreement between judges (Cohen's or Fleiss' kappa)."})
final class CompareCommand extends PlainCommand {
    @Parameters(arity = "1..*", paramLabel = "VOTES", description = "Vote files: JSONL or a JSON array, gzip or zstd too.")
    List<Path> files = new ArrayList<>();

    @Mixin
    CompareOptions compare;

    @Mixin
    OutputOptions output;

    @Mixin
    HtmlOption html;

    CompareCommand(Env env) {
        super(env);
    }

    @Override
    public Integer call() {
        CompareAnalysis.Options options = compare.options(spec);
        List<String> display = files.stream().map(env::display).toList();
        VoteReader.Result read = new VoteReader(compare.format(spec), compare.pattern(spec), compare.segmentBy).read(files.stream().map(f -> env.path(f.toString()))
                .toList(), display);
        if (read.records() == 0) {
            throw new MlopsException(ExitCode.BAD_INPUT, String.join(", ", display) + ": holds no vote");
        }
        List<String> bad = read.bad();
        List<Vote> votes = read.votes();
        for (String b : bad.subList(0, Math.min(5, bad.size()))) {
            err().println(b);
        }
        if (!bad.isEmpty()) {
            if (compare.badLines.exceeded(bad.size(), read.records())) {
                throw new MlopsException(ExitCode.BAD_INPUT, String.format(Locale.ROOT, "%,d of %,d votes cannot be read, "
                        + "more than --max-bad-lines %s allows", bad.size(), read.records(), compare.badLines.maxBad));
            }
            err().printf(Locale.ROOT, "mlops: skipped %,d unreadable vote%s of %,d%n", bad.size(),
                    bad.size() == 1 ? "" : "s", read.records());
        }
        CompareReport report;
        try {
            report = CompareAnalysis.analyze(votes, options);
        } catch (IllegalArgumentException e) {
            throw new MlopsException(ExitCode.BAD_INPUT, e.getMessage());
        }
        if (!html.toStdout() || output.output != null) {
            output.emit(() -> CompareRender.renderer(VersionProvider.version()).render(report, output.format), output.format,
                    env, out());
        }
        html.write(r -> CompareHtml.render(r, VersionProvider.version()), report, out());
        return ExitCode.OK.code();
    }
}

package dev.mlops.cli;

import dev.mlops.analysis.DriftRules;
import dev.mlops.analysis.DriftSettings;
import dev.mlops.analysis.TermCounter;
import dev.mlops.analysis.Terms;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** What drift compares and by which rules: the options, and the settings and rules they make. */
final class DriftOptions {
    @Option(names = "--categorical", split = ",", paramLabel = "FIELD",
            description = "More categorical fields or attributes to compare (segment, model, finish_reason and "
                    + "status always are).")
    List<String> categorical = new ArrayList<>();

    @Option(names = "--text", paramLabel = "WHICH", defaultValue = "prompt",
            description = "Terms of: prompt, response, or none (default: ${DEFAULT-VALUE}).")
    String text;

    @Option(names = "--text-sample", paramLabel = "N", defaultValue = "200000",
            description = "Count the terms of every document when a window's files hold up to about N records; "
                    + "past that, of a deterministic sample of about N, chosen by a hash of the text (0: every "
                    + "document; default: ${DEFAULT-VALUE}).")
    int textSample;

    @Option(names = "--stop-words", paramLabel = "FILE", description = "Replace the built-in stop words (one a line).")
    Path stopWords;

    @Option(names = "--rules", paramLabel = "FILE", description = "Override the default drift rules (YAML).")
    Path rulesFile;

    @Option(names = "--min-samples", paramLabel = "N", defaultValue = "100",
            description = "Refuse to judge a window with fewer records (default: ${DEFAULT-VALUE}).")
    long minSamples;

    @Option(names = "--exact-limit", paramLabel = "N", defaultValue = "100000",
            description = "Values per numeric feature kept exactly; past it, a sketch (default: ${DEFAULT-VALUE}).")
    int exactLimit;

    /** The comparison's settings, from the options; usage errors are exit 2. */
    DriftSettings settings(CommandSpec spec) throws IOException {
        if (!List.of("prompt", "response", "none").contains(text)) {
            throw new ParameterException(spec.commandLine(), "--text " + text + ": expected prompt, response or none");
        }
        if (exactLimit < 0 || minSamples < 1) {
            throw new ParameterException(spec.commandLine(), "--exact-limit and --min-samples must be positive");
        }
        Terms terms = text.equals("none") ? null : stopWords == null ? Terms.english() : Terms.fromFile(stopWords);
        List<String> cats = new ArrayList<>(DriftSettings.CATEGORICAL);
        categorical.stream().filter(c -> !cats.contains(c)).forEach(cats::add);
        if (textSample < 0) {
            throw new ParameterException(spec.commandLine(), "--text-sample must not be negative");
        }
        return new DriftSettings(DriftSettings.NUMERIC, cats, terms, text.equals("response"), exactLimit,
                TermCounter.DEFAULT_CAPACITY, 0);
    }

    /** The rules: the defaults, or --rules FILE over them. */
    DriftRules rules(Env env) {
        if (rulesFile == null) {
            return DriftRules.defaults();
        }
        try {
            return DriftRules.load(rulesFile, env.display(rulesFile));
        } catch (IllegalArgumentException e) {
            throw new MlopsException(ExitCode.BAD_INPUT, e.getMessage());
        } catch (IOException e) {
            throw new MlopsException(ExitCode.BAD_INPUT, env.display(rulesFile) + ": " + e.getMessage()
                    .lines().findFirst().orElse(""));
        }
    }
}

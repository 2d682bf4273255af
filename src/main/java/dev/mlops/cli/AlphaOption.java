package dev.mlops.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --alpha} of the A/B commands: the two-sided significance level. */
final class AlphaOption {
    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.05",
            description = "Significance level, two-sided (default: ${DEFAULT-VALUE}).")
    double alpha;

    double validated(CommandSpec spec) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new ParameterException(spec.commandLine(), "--alpha must be between 0 and 1");
        }
        return alpha;
    }
}

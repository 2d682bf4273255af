package dev.mlops.cli;

import picocli.CommandLine.Option;

/** {@code --seed}: every random choice a command makes (sampling, bootstrap, sides) follows from it. */
final class SeedOption {
    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the random choices (samples, bootstrap fits, sides): the same seed and input give "
                    + "the same result (default: ${DEFAULT-VALUE}).")
    long seed;
}

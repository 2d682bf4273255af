package dev.mlops.cli;

import picocli.CommandLine.Option;

/** Options every command has. */
final class CommonOptions {
    @Option(names = "--verbose", order = 1000, description = "Print stack traces for errors.")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, order = 1001, description = "Show this help and exit.")
    boolean help;
}

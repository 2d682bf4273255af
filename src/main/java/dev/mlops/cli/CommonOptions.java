package dev.mlops.cli;

import picocli.CommandLine.Option;

/** Options every command has. */
final class CommonOptions {
    @Option(names = "--verbose", description = "Print stack traces for errors.")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}

package dev.mlops.cli;

import picocli.CommandLine.Option;

/** {@code --wait}: how long a command that writes release state waits for the registry lock. */
final class LockWaitOption {
    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for another mlops run that holds the registry lock (default: ${DEFAULT-VALUE}).")
    int seconds;
}

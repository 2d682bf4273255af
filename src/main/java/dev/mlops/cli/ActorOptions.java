package dev.mlops.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Who changes release state, and why: recorded in the history, and in a promotion's manifest. */
final class ActorOptions {
    @Option(names = "--reason", paramLabel = "TEXT",
            description = "Why; recorded in the history (and in the manifest of a promotion).")
    String reason;

    @Option(names = "--by", paramLabel = "USER", description = "Who (default: $USER).")
    String by;

    /** --by, else $USER, else $LOGNAME, else the operating-system user. */
    String user(Env env) {
        return Who.user(env, by);
    }

    /** Forcing past a check must say why. */
    void requireReasonFor(boolean force, CommandSpec spec) {
        if (force && (reason == null || reason.isBlank())) {
            throw new ParameterException(spec.commandLine(), "--force needs --reason");
        }
    }
}

package dev.mlops.cli;

import dev.mlops.release.Release;
import dev.mlops.report.ReleaseText;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mlops rollback MODEL [--to VERSION] --reason TEXT}. */
@Command(name = "rollback", description = {"Put an earlier version of a model back in production: by default the "
        + "version that was in production before the current one, according to the history.",
        "",
        "With --to, the target must be a version the verified history shows in production before; any other needs "
                + "--force --reason, and the manifest says so.",
        "",
        "The target must still verify clean against its frozen hashes; if its artifacts changed the rollback is "
                + "refused (exit 3) and names what changed. Writes a rollback manifest, moves the stages and appends "
                + "to the history, all at once."})
final class RollbackCommand extends RegistryCommandBase.Reporting {
    @Parameters(paramLabel = "MODEL", description = "The model to roll back.")
    String model;

    @Option(names = "--to", paramLabel = "VERSION", description = "The version to put back (default: from the history).")
    String to;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; recorded in the manifest and history.")
    String reason;

    @Option(names = "--by", paramLabel = "USER", description = "Who (default: $USER).")
    String by;

    @Option(names = "--force", description = "Roll back with --to to a version the history never shows in production "
            + "(needs --reason); the manifest says so.")
    boolean force;

    @Option(names = "--dry-run", description = "Print the manifest and change nothing.")
    boolean dryRun;

    @Mixin
    ReleaseState state;

    RollbackCommand(Env env) {
        super(env);
    }

    @Override
    public Integer call() throws IOException {
        ExecutorService pool = state.pool();
        if (force && to == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--force needs --to VERSION");
        }
        try (ReleaseState.Locked locked = state.lock(env, registry, spec.commandLine().getErr())) {
            Release.Plan plan = Release.rollback(locked.registry(), model, to, force, locked.history(),
                    locked.actor(Who.user(env, by), reason), pool);
            if (!dryRun) {
                Release.apply(plan, locked.root());
            }
            output.emit(() -> ReleaseText.plan(plan, dryRun ? ReleaseText.Outcome.DRY_RUN : ReleaseText.Outcome.WRITTEN,
                    output.format, env.display(plan.manifestPath())), output.format, env, spec.commandLine().getOut());
            return ExitCode.OK.code();
        } finally {
            pool.shutdownNow();
        }
    }
}

package dev.mlops.cli;

import dev.mlops.registry.Freezer;
import dev.mlops.registry.TreeHash;
import dev.mlops.registry.Version;
import dev.mlops.release.FreezePlan;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code mlops registry freeze VERSION}. */
@Command(name = "freeze", description = "Hash every artifact a version names and record the hashes in the registry, "
        + "with frozen: true. Comments and key order of the registry are kept.")
final class RegistryFreezeCommand extends RegistryCommandBase {
    @Parameters(paramLabel = "VERSION", description = "The version to freeze.")
    String version;

    @Option(names = "--force", description = "Freeze again a version that is already frozen (needs --reason).")
    boolean force;

    @Mixin
    ActorOptions actor;

    @Mixin
    ReleaseState state;

    RegistryFreezeCommand(Env env) {
        super(env);
    }

    @Override
    public Integer call() throws IOException {
        actor.requireReasonFor(force, spec);
        ExecutorService pool = state.pool();
        try (ReleaseState.Locked locked = state.lock(env, registry, spec.commandLine().getErr())) {
            Version v = RegistryShowCommand.find(env, locked.registry(), version);
            if (v.frozen() && !force) {
                throw new ParameterException(spec.commandLine(), version
                        + " is already frozen; freezing it again needs --force --reason TEXT");
            }
            FreezePlan plan = FreezePlan.of(locked.registry(), v, locked.history(), locked.actor(actor.user(env), actor.reason),
                    pool);
            plan.apply(locked.root(), v.id());
            Freezer.Frozen f = plan.frozen();
            for (Map.Entry<String, TreeHash.Hashed> e : f.hashes().entrySet()) {
                spec.commandLine().getOut().printf("%-16s %s  %s%n", e.getKey(), e.getValue().sha256(),
                        v.artifacts().get(e.getKey()).path());
            }
            spec.commandLine().getOut().println("frozen " + v.id());
            return ExitCode.OK.code();
        } finally {
            pool.shutdownNow();
        }
    }
}

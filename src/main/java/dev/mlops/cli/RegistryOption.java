package dev.mlops.cli;

import dev.mlops.registry.Registry;
import dev.mlops.registry.RegistryLoader;
import dev.mlops.registry.RegistryLocator;
import dev.mlops.release.Journal;
import dev.mlops.release.ReleaseFiles;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --registry FILE}, with $MLOPS_REGISTRY and ./registry.yaml as fallbacks. Read-only
 * commands load it through here: while a change is pending they say so on stderr and read the
 * state as it was before it, never finishing it themselves.
 */
final class RegistryOption {
    @Option(names = "--registry", paramLabel = "FILE",
            description = "The model registry (default: $MLOPS_REGISTRY, else ./registry.yaml if present).")
    Path registry;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private ReleaseFiles files = ReleaseFiles.disk();

    Optional<Registry> load(Env env) {
        return RegistryLocator.locate(registry, env.vars(), env.cwd()).map(p -> {
            Path root = p.toAbsolutePath().getParent();
            Optional<Journal> pending = Journal.find(root);
            if (pending.isEmpty()) {
                files = ReleaseFiles.disk();
                return RegistryLoader.load(p, env.display(p));
            }
            Journal j = pending.get();
            files = ReleaseFiles.before(j);
            if (mixee != null) {
                mixee.commandLine().getErr().println("mlops: a change to the registry is " + (j.aborted()
                        ? "being undone" : "pending") + " (" + j.action() + ", " + root.relativize(j.file())
                        + "); showing the state before it. The next mlops command that writes, or "
                        + "mlops registry recover, finishes it.");
            }
            Optional<String> before = j.before(p);
            String text = before == null ? RegistryLoader.read(p, env.display(p)) : before.orElseThrow(() ->
                    new dev.mlops.registry.RegistryException(env.display(p) + ": no such file"));
            return RegistryLoader.parse(p, env.display(p), text);
        });
    }

    /** How the other release-state files are read: as they were before a pending change, if any. */
    ReleaseFiles files() {
        return files;
    }

    Registry require(Env env) {
        return load(env).orElseThrow(RegistryOption::missing);
    }

    /** The registry file, without reading it. */
    Path locate(Env env) {
        return RegistryLocator.locate(registry, env.vars(), env.cwd()).orElseThrow(RegistryOption::missing);
    }

    private static MlopsException missing() {
        return new MlopsException(ExitCode.USAGE,
                "no registry: give --registry FILE, set MLOPS_REGISTRY, or create ./registry.yaml");
    }
}

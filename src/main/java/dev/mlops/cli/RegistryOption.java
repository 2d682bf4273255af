package dev.mlops.cli;

import dev.mlops.registry.Registry;
import dev.mlops.registry.RegistryLoader;
import dev.mlops.registry.RegistryLocator;
import dev.mlops.io.LockFile;
import dev.mlops.release.Transaction;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --registry FILE}, with $MLOPS_REGISTRY and ./registry.yaml as fallbacks. */
final class RegistryOption {
    @Option(names = "--registry", paramLabel = "FILE",
            description = "The model registry (default: $MLOPS_REGISTRY, else ./registry.yaml if present).")
    Path registry;

    Optional<Registry> load(Env env) {
        return RegistryLocator.locate(registry, env.vars(), env.cwd()).map(p -> {
            finishInterruptedChange(p);
            return RegistryLoader.load(p, env.display(p));
        });
    }

    /** If a release change was interrupted (its journal is still there), finish it first, under the lock. */
    private static void finishInterruptedChange(Path file) {
        Path root = file.toAbsolutePath().getParent();
        if (root == null || !Transaction.pending(root)) {
            return;
        }
        try (LockFile lock = LockFile.acquire(file.resolveSibling(file.getFileName() + ".lock"), Duration.ofSeconds(30))) {
            Transaction.recover(root);
        } catch (IOException e) {
            throw new MlopsException(ExitCode.BAD_INPUT, file + ": cannot finish an interrupted change: " + e.getMessage());
        }
    }

    Registry require(Env env) {
        return load(env).orElseThrow(() -> new MlopsException(ExitCode.USAGE,
                "no registry: give --registry FILE, set MLOPS_REGISTRY, or create ./registry.yaml"));
    }
}

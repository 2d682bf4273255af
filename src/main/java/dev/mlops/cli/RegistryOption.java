package dev.mlops.cli;

import dev.mlops.registry.Registry;
import dev.mlops.registry.RegistryLoader;
import dev.mlops.registry.RegistryLocator;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --registry FILE}, with $MLOPS_REGISTRY and ./registry.yaml as fallbacks. */
final class RegistryOption {
    @Option(names = "--registry", paramLabel = "FILE",
            description = "The model registry (default: $MLOPS_REGISTRY, else ./registry.yaml if present).")
    Path registry;

    Optional<Registry> load(Env env) {
        return RegistryLocator.locate(registry, env.vars(), env.cwd())
                .map(p -> RegistryLoader.load(p, env.display(p)));
    }

    Registry require(Env env) {
        return load(env).orElseThrow(() -> new MlopsException(ExitCode.USAGE,
                "no registry: give --registry FILE, set MLOPS_REGISTRY, or create ./registry.yaml"));
    }
}

package dev.mlops.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds the registry: {@code --registry FILE}, else {@code $MLOPS_REGISTRY}, else {@code ./registry.yaml} if present. */
public final class RegistryLocator {
    private RegistryLocator() {
    }

    public static Optional<Path> locate(Path option, Map<String, String> env, Path workingDir) {
        if (option != null) {
            return Optional.of(option);
        }
        String e = env.get("MLOPS_REGISTRY");
        if (e != null && !e.isBlank()) {
            return Optional.of(workingDir.resolve(e));
        }
        Path local = workingDir.resolve("registry.yaml");
        return Files.isRegularFile(local) ? Optional.of(local) : Optional.empty();
    }
}

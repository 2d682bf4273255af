package dev.mlops.cli;

import dev.mlops.io.LockFile;
import dev.mlops.registry.ArtifactPaths;
import dev.mlops.registry.Registry;
import dev.mlops.registry.RegistryLoader;
import dev.mlops.release.Transaction;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Option;

/**
 * Options and steps shared by the commands that change release state: the registry lock
 * (waited for up to --wait seconds), recovery of an interrupted change, hashing threads.
 */
final class ReleaseState {
    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for another mlops run that holds the registry lock (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Option(names = "--jobs", paramLabel = "N", description = "Threads for hashing artifacts (default: the number of cores).")
    Integer jobs;

    /** A locked, recovered registry: reload it after locking, as another run may have changed it. */
    record Locked(Registry registry, Path root, LockFile lock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            lock.close();
        }
    }

    Locked lock(Env env, RegistryOption option) throws IOException {
        Registry first = option.require(env);
        Path file = first.file();
        LockFile lock;
        try {
            lock = LockFile.acquire(file.resolveSibling(file.getFileName() + ".lock"), Duration.ofSeconds(waitSeconds));
        } catch (LockFile.HeldException e) {
            throw new MlopsException(ExitCode.BAD_INPUT, e.getMessage());
        }
        try {
            Path root = ArtifactPaths.root(first);
            Transaction.recover(root);
            return new Locked(RegistryLoader.load(file, env.display(file)), root, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    ExecutorService pool() {
        int n = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (n < 1) {
            throw new MlopsException(ExitCode.USAGE, "--jobs must be at least 1");
        }
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "mlops-hash");
            t.setDaemon(true);
            return t;
        });
    }
}

package dev.mlops.cli;

import dev.mlops.io.LockFile;
import dev.mlops.io.SafePaths;
import dev.mlops.registry.Registry;
import dev.mlops.registry.RegistryException;
import dev.mlops.registry.RegistryLoader;
import dev.mlops.release.History;
import dev.mlops.release.HistoryKey;
import dev.mlops.release.Journal;
import dev.mlops.release.Release;
import dev.mlops.release.Transaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options and steps shared by the commands that change release state: the registry lock (an
 * operating-system lock on {@code .mlops/lock}, waited for up to --wait seconds), finishing an
 * interrupted change, the history check that every write needs, hashing threads.
 */
final class ReleaseState {
    @Mixin
    LockWaitOption lockWait;

    @Option(names = "--jobs", paramLabel = "N", description = "Threads for hashing artifacts (default: the number of cores).")
    Integer jobs;

    /** A locked registry with no change pending and a history that verifies. */
    record Locked(Registry registry, Path root, LockFile lock, History history, Optional<HistoryKey> key,
                  java.time.Clock clock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            lock.close();
        }

        Release.Actor actor(String by, String reason) {
            return new Release.Actor(by, clock.instant(), reason, VersionProvider.version(), key);
        }
    }

    Locked lock(Env env, RegistryOption option, PrintWriter err) throws IOException {
        Path file = option.locate(env);
        LockFile lock = lockOf(file, lockWait.seconds);
        try {
            Path root = file.toAbsolutePath().getParent();
            Optional<Journal> pending = Journal.find(root);
            if (pending.isPresent()) {
                Journal j = pending.get();
                j.finish();
                err.println("mlops: " + (j.aborted() ? "undid a change that had failed (" : "finished an interrupted "
                        + "change (") + j.action() + ")");
            }
            Transaction.removeStrays(root);
            Registry r = RegistryLoader.load(file, env.display(file));
            Optional<HistoryKey> key = HistoryKey.from(env.vars(), env.cwd());
            History h = History.load(root);
            if (key.isEmpty() && h.signed()) {
                throw new MlopsException(ExitCode.BAD_INPUT, "the history is signed: set " + HistoryKey.VAR + " or "
                        + HistoryKey.FILE_VAR + " to write to it");
            }
            try {
                h.verify(r, key, false);
            } catch (History.HistoryException e) {
                throw new MlopsException(ExitCode.BAD_INPUT, e.getMessage() + "; nothing is written while the history "
                        + "does not verify (see mlops history --verify)");
            }
            return new Locked(r, root, lock, h, key, env.clock());
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Takes the registry's lock, {@code .mlops/lock} beside it. */
    static LockFile lockOf(Path registryFile, int waitSeconds) {
        Path root = registryFile.toAbsolutePath().getParent();
        if (!Files.isRegularFile(registryFile)) {
            throw new RegistryException(registryFile + ": no such file");
        }
        Path dir = root.resolve(".mlops");
        try {
            SafePaths.requireInside(root, dir);
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
            }
            return LockFile.acquire(dir.resolve("lock"), Duration.ofSeconds(waitSeconds));
        } catch (SafePaths.EscapeException e) {
            throw new MlopsException(ExitCode.BAD_INPUT, root.relativize(dir) + ": " + e.getMessage());
        } catch (LockFile.HeldException e) {
            throw new MlopsException(ExitCode.BAD_INPUT, e.getMessage());
        } catch (IOException e) {
            throw new MlopsException(ExitCode.BAD_INPUT, "cannot lock the registry (" + dir.resolve("lock") + "): "
                    + e.getMessage() + "; is its directory writable?");
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

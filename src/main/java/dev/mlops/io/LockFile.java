package dev.mlops.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * An exclusive lock held by creating a file (create-new is atomic on every file system), so that
 * two mlops runs, in one process or in two, never update the same release state at once. It
 * records who holds it; a lock whose process is gone is taken over.
 */
public final class LockFile implements AutoCloseable {
    private final Path path;

    private LockFile(Path path) {
        this.path = path;
    }

    /** Thrown when the lock stays held by another run for longer than the wait. */
    public static final class HeldException extends IOException {
        private static final long serialVersionUID = 1L;

        HeldException(String message) {
            super(message);
        }
    }

    public static LockFile acquire(Path path, Duration wait) throws IOException {
        Instant deadline = Instant.now().plus(wait);
        String me = ProcessHandle.current().pid() + " " + Instant.now() + " " + Thread.currentThread().getId();
        while (true) {
            try {
                Files.writeString(path, me + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return new LockFile(path);
            } catch (FileAlreadyExistsException e) {
                String holder = holder(path);
                if (holder != null && stale(holder)) {
                    Files.deleteIfExists(path);
                    continue;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new HeldException(path + " is held by another mlops run (" + (holder == null ? "unknown"
                            : "pid " + holder.split(" ")[0] + " since " + holder.split(" ")[1])
                            + "); try again, or remove the file if no mlops run is active");
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for " + path, ie);
                }
            }
        }
    }

    private static String holder(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A lock left by a process that no longer runs on this machine. */
    private static boolean stale(String holder) {
        try {
            long pid = Long.parseLong(holder.split(" ")[0]);
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(path);
    }
}

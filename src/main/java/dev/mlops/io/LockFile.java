package dev.mlops.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on release state, held for a whole transaction: an operating-system lock
 * ({@link FileChannel#tryLock}) on a lock file, plus an in-process lock for runs in the same JVM
 * (the OS lock is per process). The operating system releases the lock when its process dies, so
 * a crash, a reused PID or a full disk never leaves it held. The file's content, who holds it,
 * is information only: an empty or garbage lock file is harmless.
 */
public final class LockFile implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private LockFile(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
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
        Path key = path.toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        try {
            if (!local.tryLock(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS)) {
                throw held(path);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + path, e);
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            while (true) {
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null;
                }
                if (l != null) {
                    describe(ch);
                    return new LockFile(local, ch, l);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw held(path);
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(ch);
            local.unlock();
            throw new IOException("interrupted while waiting for " + path, e);
        } catch (IOException | RuntimeException e) {
            close(ch);
            local.unlock();
            throw e;
        }
    }

    private static HeldException held(Path path) {
        String holder = holder(path);
        return new HeldException(path + " is locked by another mlops run" + (holder.isEmpty() ? "" : " (" + holder + ")")
                + "; wait for it to finish, or give --wait SECONDS");
    }

    /** Records who holds the lock; information only, so a full disk here is no failure. */
    private static void describe(FileChannel ch) {
        try {
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            // the lock is held all the same
        }
    }

    private static String holder(Path path) {
        try {
            byte[] b = Files.readAllBytes(path);
            String s = new String(b, 0, Math.min(b.length, 200), StandardCharsets.UTF_8).strip();
            return s.matches("pid \\d+ since [0-9T:.Z-]+") ? s : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void close(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing held
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            try {
                channel.truncate(0);
            } catch (IOException e) {
                // information only
            }
            lock.release();
            channel.close();
        } finally {
            local.unlock();
        }
    }
}

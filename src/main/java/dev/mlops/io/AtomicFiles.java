package dev.mlops.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Writes files so that a reader, or a crash at any moment, sees the old content or the new one,
 * never a half-written file: write a temporary file beside the target, fsync it, then move it
 * into place (atomically where the file system can). A new file gets the mode the umask gives;
 * a replaced file keeps its mode. Parent directories are never created here.
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /** New content written beside its target, durable, not yet in place. */
    public static final class Staged {
        private final Path target;
        private final Path tmp;

        private Staged(Path target, Path tmp) {
            this.target = target;
            this.tmp = tmp;
        }

        public Path target() {
            return target;
        }

        /** Moves the staged content into place. A rename needs no free space. */
        public void commit() throws IOException {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            fsyncDirectory(target.toAbsolutePath().getParent());
        }

        /** Removes the staged content; the target is untouched. */
        public void abort() {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // a leftover temporary file is removed by the next removeLeftovers
            }
        }
    }

    /** Replaces {@code target} (or creates it) atomically. */
    public static void write(Path target, String content) throws IOException {
        Staged s = stage(target, content.getBytes(StandardCharsets.UTF_8));
        try {
            CrashPoint.here();
            s.commit();
        } finally {
            s.abort();
        }
    }

    /** Creates {@code target} atomically; fails with {@link FileAlreadyExistsException} if it exists. */
    public static void create(Path target, String content) throws IOException {
        Staged s = stage(target, content.getBytes(StandardCharsets.UTF_8));
        try {
            CrashPoint.here();
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            s.commit();
        } finally {
            s.abort();
        }
    }

    /** Writes {@code content} to a temporary file beside {@code target} and fsyncs it. */
    public static Staged stage(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "." + HexFormat.of().formatHex(randomBytes()) + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            keepMode(target, tmp);
            ByteBuffer b = ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new Staged(target, tmp);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }

    /** A replaced file keeps its permissions. */
    private static void keepMode(Path target, Path tmp) throws IOException {
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        PosixFileAttributeView from = Files.getFileAttributeView(target, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributeView to = Files.getFileAttributeView(tmp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (from != null && to != null) {
            to.setPermissions(from.readAttributes().permissions());
        }
    }

    /** Removes temporary files that a write of {@code target} interrupted by a crash left beside it. */
    public static void removeLeftovers(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        String prefix = "." + target.getFileName() + ".";
        try (var s = Files.newDirectoryStream(dir, e -> {
            String n = e.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp");
        })) {
            for (Path p : s) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Makes the rename itself durable where the platform allows opening a directory. */
    static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every file system (or OS) lets a directory be opened; the move is still atomic
        }
    }
}

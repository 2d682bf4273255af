package dev.mlops.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Writes a command's output file (-o, --report). A regular file is replaced atomically, keeping
 * its mode; a new one gets the umask's mode. A symbolic link is written through: its target is
 * replaced, the link stays. A character device or a FIFO ({@code /dev/null}, {@code >(gzip)}) is
 * written to as a stream, never replaced. A missing directory is an error, never created.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /** A target that cannot be written, with a message for the user. */
    public static final class UnwritableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnwritableException(String message) {
            super(message);
        }
    }

    /** Writes {@code content} to {@code target}, named {@code name} in messages. */
    public static void write(Path target, String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try {
            Path real = target;
            if (Files.isSymbolicLink(target)) {
                real = target.resolveSibling(Files.readSymbolicLink(target)).normalize();
                if (Files.isSymbolicLink(real) || Files.exists(real)) {
                    real = Files.exists(real) ? real.toRealPath() : real;
                }
            }
            BasicFileAttributes a = attributes(real);
            if (a != null && a.isDirectory()) {
                throw new UnwritableException(name + ": is a directory");
            }
            if (a != null && !a.isRegularFile()) {
                try (OutputStream out = Files.newOutputStream(real, StandardOpenOption.WRITE)) {
                    out.write(bytes);
                }
                return;
            }
            Path parent = real.toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new UnwritableException(name + ": the directory " + (parent == null ? "" : parent + " ")
                        + "does not exist");
            }
            AtomicFiles.write(real, content);
        } catch (NoSuchFileException e) {
            throw new UnwritableException(name + ": cannot write: no such file or directory");
        } catch (IOException e) {
            throw new UnwritableException(name + ": cannot write: " + e.getMessage());
        }
    }

    private static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}

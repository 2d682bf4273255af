package dev.mlops.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads small files that steer a command (the registry, evidence, rules, stop words, mappings)
 * with a size limit, and only when they are regular files: a FIFO, a device or a socket would
 * hang the read or never end, so it is refused before it is opened.
 */
public final class BoundedFiles {
    /** The limit for --evidence, --rules, --stop-words and --mapping files. */
    public static final long SETTINGS_LIMIT = 64L << 20;

    private BoundedFiles() {
    }

    /** A file that may not be read, with a message for the user. */
    public static final class RefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RefusedException(String message) {
            super(message);
        }
    }

    /**
     * The bytes of {@code file}, which must be a regular file of at most {@code limit} bytes.
     *
     * @param name the file as the user named it, for messages
     */
    public static byte[] read(Path file, String name, long limit) {
        requireRegular(file, name);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (b.length > limit) {
                throw new RefusedException(name + ": is larger than " + describe(limit));
            }
            return b;
        } catch (NoSuchFileException e) {
            throw new RefusedException(name + ": no such file");
        } catch (IOException e) {
            throw new RefusedException(name + ": cannot read: " + e.getMessage());
        }
    }

    /** Refuses anything but a regular file (links are followed). */
    public static void requireRegular(Path file, String name) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new RefusedException(name + ": no such file");
        } catch (IOException e) {
            throw new RefusedException(name + ": cannot read: " + e.getMessage());
        }
        if (a.isDirectory()) {
            throw new RefusedException(name + ": is a directory, not a file");
        }
        if (!a.isRegularFile()) {
            throw new RefusedException(name + ": is not a regular file (a FIFO, device or socket), so it is not read");
        }
    }

    static String describe(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }
}

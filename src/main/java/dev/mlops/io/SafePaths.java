package dev.mlops.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Keeps paths built from untrusted text (journal entries, artifact paths, model and version names)
 * under one directory: no absolute path, no {@code ..} past the top, no NUL or control character,
 * and no symbolic link whose target lies outside.
 */
public final class SafePaths {
    private SafePaths() {
    }

    /** Why a path was refused. */
    public static final class EscapeException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        EscapeException(String message) {
            super(message);
        }
    }

    /**
     * Resolves {@code relative} under {@code root}.
     *
     * @throws EscapeException naming the reason when the path would leave {@code root}
     */
    public static Path resolve(Path root, String relative) {
        if (relative == null || relative.isBlank()) {
            throw new EscapeException("is empty");
        }
        for (int i = 0; i < relative.length(); i++) {
            char c = relative.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new EscapeException("contains a control character (U+" + String.format("%04X", (int) c) + ")");
            }
        }
        if (relative.startsWith("/") || relative.startsWith("\\") || relative.matches("^[A-Za-z]:.*")) {
            throw new EscapeException("is absolute");
        }
        Path given;
        try {
            given = root.getFileSystem().getPath(relative);
        } catch (InvalidPathException e) {
            throw new EscapeException("is not a valid path: " + e.getReason());
        }
        if (given.isAbsolute()) {
            throw new EscapeException("is absolute");
        }
        Path top = root.toAbsolutePath().normalize();
        Path p = top.resolve(given).normalize();
        if (!p.startsWith(top)) {
            throw new EscapeException("escapes the registry directory");
        }
        requireInside(top, p);
        return p;
    }

    /** Checks that {@code p}, already under {@code root} by name, stays there once links are followed. */
    public static Path requireInside(Path root, Path p) {
        Path top = root.toAbsolutePath().normalize();
        Path abs = p.toAbsolutePath().normalize();
        if (!abs.startsWith(top)) {
            throw new EscapeException("escapes the registry directory");
        }
        try {
            Path realTop = top.toRealPath();
            // the deepest existing ancestor (or the path itself) must resolve inside the real root
            Path probe = abs;
            while (probe != null && !Files.exists(probe, LinkOption.NOFOLLOW_LINKS)) {
                probe = probe.getParent();
            }
            if (probe != null && probe.startsWith(top)) {
                if (Files.isSymbolicLink(probe) && !Files.exists(probe)) {
                    throw new EscapeException("is a broken symbolic link");
                }
                if (!probe.toRealPath().startsWith(realTop)) {
                    throw new EscapeException("goes through a symbolic link that leads outside the registry directory");
                }
            }
        } catch (IOException e) {
            throw new EscapeException("cannot be checked: " + e.getMessage());
        }
        return abs;
    }
}

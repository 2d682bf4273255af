package dev.mlops.release;

import dev.mlops.io.AtomicFiles;
import dev.mlops.io.CrashPoint;
import dev.mlops.io.SafePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All-or-nothing changes to release state (registry, manifests, history), in four steps:
 * <ol>
 * <li>every new file is written beside its target and fsynced (a full disk fails here, and
 *     nothing has changed);</li>
 * <li>the {@link Journal} is written, atomically (the same);</li>
 * <li>each target is replaced by a rename, which needs no free space;</li>
 * <li>the journal is removed.</li>
 * </ol>
 * A crash after step 2 leaves the journal, and the next command that writes finishes the change.
 * A failure the command reports undoes what step 3 did; if even that fails, the journal is
 * renamed {@code journal.aborted.json}, so the change is undone later and never applied.
 */
public final class Transaction {
    private final Path root;
    private final String action;
    private final Map<Path, String> writes = new LinkedHashMap<>();

    private Transaction(Path root, String action) {
        this.root = root.toAbsolutePath().normalize();
        this.action = action;
    }

    /** A transaction on the release state under the registry directory {@code root}. */
    public static Transaction in(Path root, String action) {
        return new Transaction(root, action);
    }

    /** Adds a file; it must lie under the registry directory. */
    public Transaction write(Path file, String content) {
        Path abs = file.toAbsolutePath().normalize();
        SafePaths.requireInside(root, abs);
        writes.put(abs, content);
        return this;
    }

    public void commit() throws IOException {
        List<Journal.Entry> entries = new ArrayList<>();
        for (Map.Entry<Path, String> w : writes.entrySet()) {
            String rel = root.relativize(w.getKey()).toString().replace('\\', '/');
            entries.add(new Journal.Entry(rel, w.getKey(), read(w.getKey()), w.getValue()));
        }
        List<AtomicFiles.Staged> staged = new ArrayList<>();
        Journal journal;
        try {
            Journal.createParents(Journal.pendingFile(root));
            for (Journal.Entry e : entries) {
                Journal.createParents(e.file());
                staged.add(AtomicFiles.stage(e.file(), e.newContent().getBytes(StandardCharsets.UTF_8)));
            }
            journal = Journal.create(root, action, entries);
        } catch (IOException | RuntimeException e) {
            staged.forEach(AtomicFiles.Staged::abort);
            throw new IOException("nothing was changed: " + e.getMessage(), e);
        }
        CrashPoint.here();
        int done = 0;
        try {
            for (AtomicFiles.Staged s : staged) {
                s.commit();
                done++;
                CrashPoint.here();
            }
        } catch (IOException | RuntimeException e) {
            staged.forEach(AtomicFiles.Staged::abort);
            throw undo(journal, e);
        }
        try {
            journal.close();
        } catch (IOException e) {
            // every file holds its new content: the next command removes the journal
        }
    }

    /**
     * Removes temporary files that a write killed before its journal existed left in the release
     * directories (the registry's, .mlops, manifests, the frozen listings): only names mlops makes.
     */
    public static void removeStrays(Path root) throws IOException {
        List<Path> dirs = new ArrayList<>(List.of(root, root.resolve(".mlops"), root.resolve("manifests")));
        Path frozen = root.resolve(".mlops").resolve("frozen");
        if (Files.isDirectory(frozen, LinkOption.NOFOLLOW_LINKS)) {
            try (var s = Files.newDirectoryStream(frozen)) {
                s.forEach(dirs::add);
            }
        }
        for (Path d : dirs) {
            if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (var s = Files.newDirectoryStream(d, p -> STRAY.matcher(p.getFileName().toString()).matches())) {
                for (Path p : s) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static final java.util.regex.Pattern STRAY = java.util.regex.Pattern.compile("\\..+\\.[0-9a-f]{12}\\.tmp");

    private static IOException undo(Journal journal, Exception cause) {
        try {
            journal.undo(true);
            return new IOException("nothing was changed: " + cause.getMessage(), cause);
        } catch (IOException | RuntimeException again) {
            try {
                journal.markAborted();
            } catch (IOException | RuntimeException third) {
                return new IOException(cause.getMessage() + "; the change could not be undone either ("
                        + again.getMessage() + "): run mlops registry recover --discard", cause);
            }
            return new IOException("nothing was changed: " + cause.getMessage() + " (the files are put back by the "
                    + "next mlops command that writes)", cause);
        }
    }

    private static String read(Path p) throws IOException {
        try {
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(p + " is not a regular file");
                }
                return null;
            }
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}

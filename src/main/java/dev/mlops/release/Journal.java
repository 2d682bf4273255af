package dev.mlops.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.mlops.io.AtomicFiles;
import dev.mlops.io.BoundedFiles;
import dev.mlops.io.CrashPoint;
import dev.mlops.io.SafePaths;
import dev.mlops.registry.TreeHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The journal of a release change ({@code .mlops/journal.json}): for every file, its path
 * relative to the registry directory, its old and new content and their SHA-256, and a checksum
 * of the whole. A journal belongs to its own registry directory: a path that leaves it, a journal
 * that does not parse, or one whose checksum does not match is refused, never replayed. An entry
 * is replayed only onto its old content (or found already holding its new content), so an edit
 * made by hand after a crash is never overwritten. A change whose command reported a failure is
 * kept as {@code journal.aborted.json}, and is only ever undone.
 */
public final class Journal {
    static final String SCHEMA = "mlops.journal/v1";
    static final long MAX_BYTES = 512L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESOLVE = "resolve it with: mlops registry recover --apply (finish the change) or "
            + "--discard (keep the files as they are)";

    /**
     * One file of the change.
     *
     * @param path       as written in the journal, relative to the registry directory
     * @param file       resolved under the registry directory
     * @param oldContent the content before the change, or null if the file did not exist
     * @param newContent the content after it
     */
    public record Entry(String path, Path file, String oldContent, String newContent) {
        public Entry {
            Objects.requireNonNull(newContent, "newContent");
        }

        String oldSha() {
            return oldContent == null ? null : sha(oldContent);
        }

        String newSha() {
            return sha(newContent);
        }
    }

    /** A journal that may not be replayed, with how to resolve it. */
    public static final class JournalException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JournalException(String message) {
            super(message);
        }
    }

    private final Path root;
    private final Path file;
    private final String action;
    private final List<Entry> entries;

    private Journal(Path root, Path file, String action, List<Entry> entries) {
        this.root = root;
        this.file = file;
        this.action = action;
        this.entries = List.copyOf(entries);
    }

    public static Path pendingFile(Path root) {
        return root.resolve(".mlops").resolve("journal.json");
    }

    public static Path abortedFile(Path root) {
        return root.resolve(".mlops").resolve("journal.aborted.json");
    }

    public String action() {
        return action;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Whether the command that wrote it reported a failure, so that it may only be undone. */
    public boolean aborted() {
        return file.getFileName().toString().equals("journal.aborted.json");
    }

    public Path file() {
        return file;
    }

    /** The journal of a change that is not finished, if any; refused when it cannot be trusted. */
    public static Optional<Journal> find(Path root) {
        Path pending = pendingFile(root);
        Path aborted = abortedFile(root);
        boolean hasPending = Files.exists(pending, LinkOption.NOFOLLOW_LINKS);
        boolean hasAborted = Files.exists(aborted, LinkOption.NOFOLLOW_LINKS);
        if (hasPending && hasAborted) {
            throw new JournalException(root.relativize(pending) + ": two journals, a pending and an aborted one; "
                    + RESOLVE);
        }
        if (!hasPending && !hasAborted) {
            return Optional.empty();
        }
        return Optional.of(read(root, hasPending ? pending : aborted));
    }

    /** Writes the journal of a change. */
    static Journal create(Path root, String action, List<Entry> entries) throws IOException {
        ArrayNode writes = JSON.createArrayNode();
        for (Entry e : entries) {
            writes.addObject().put("path", e.path()).put("old_sha256", e.oldSha()).put("new_sha256", e.newSha())
                    .put("old", e.oldContent()).put("new", e.newContent());
        }
        var doc = JSON.createObjectNode();
        doc.put("schema", SCHEMA);
        doc.put("action", action);
        doc.set("writes", writes);
        doc.put("checksum", sha(JSON.writeValueAsString(writes)));
        Path file = pendingFile(root);
        AtomicFiles.write(file, JSON.writeValueAsString(doc));
        return new Journal(root, file, action, entries);
    }

    private static Journal read(Path root, Path file) {
        String name = root.relativize(file).toString();
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new JournalException(name + ": is not a regular file; " + RESOLVE);
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(BoundedFiles.read(file, name, MAX_BYTES));
        } catch (IOException | BoundedFiles.RefusedException e) {
            throw new JournalException(name + ": does not parse, so it is not replayed; " + RESOLVE);
        }
        if (doc == null || !doc.isObject() || !SCHEMA.equals(doc.path("schema").asText())
                || !doc.path("writes").isArray() || !doc.path("checksum").isTextual()) {
            throw new JournalException(name + ": is not an mlops journal (" + SCHEMA + "), so it is not replayed; "
                    + RESOLVE);
        }
        try {
            if (!sha(JSON.writeValueAsString(doc.get("writes"))).equals(doc.get("checksum").asText())) {
                throw new JournalException(name + ": its checksum does not match its content, so it is not replayed; "
                        + RESOLVE);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new JournalException(name + ": does not parse, so it is not replayed; " + RESOLVE);
        }
        List<Entry> entries = new ArrayList<>();
        int i = 0;
        for (JsonNode w : doc.get("writes")) {
            i++;
            String path = w.path("path").asText(null);
            if (!w.path("new").isTextual() || path == null || !(w.path("old").isTextual() || w.path("old").isNull())) {
                throw new JournalException(name + ": entry " + i + " is incomplete, so the journal is not replayed; "
                        + RESOLVE);
            }
            Path target;
            try {
                target = SafePaths.resolve(root, path);
            } catch (SafePaths.EscapeException e) {
                throw new JournalException(name + ": entry " + i + " names " + quote(path) + ", which " + e.getMessage()
                        + ", so the journal is not replayed; " + RESOLVE);
            }
            if (target.startsWith(root.resolve(".mlops").toAbsolutePath().normalize().resolve("journal.json"))
                    || target.getFileName().toString().startsWith("journal.")
                    && target.getParent().equals(root.resolve(".mlops").toAbsolutePath().normalize())) {
                throw new JournalException(name + ": entry " + i + " names the journal itself; " + RESOLVE);
            }
            Entry e = new Entry(path, target, w.path("old").isNull() ? null : w.get("old").asText(), w.get("new").asText());
            if (!Objects.equals(e.oldSha(), w.path("old_sha256").isNull() ? null : w.path("old_sha256").asText())
                    || !e.newSha().equals(w.path("new_sha256").asText())) {
                throw new JournalException(name + ": entry " + i + "'s hashes do not match its content; " + RESOLVE);
            }
            entries.add(e);
        }
        return new Journal(root, file, doc.path("action").asText("a change"), entries);
    }

    /** What a file held before the change: empty when it did not exist; null when the journal does not name it. */
    public Optional<String> before(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        for (Entry e : entries) {
            if (e.file().equals(abs)) {
                return Optional.ofNullable(e.oldContent());
            }
        }
        return null;
    }

    /** The state of each file now: "old", "new", "changed by hand" (or "missing"). */
    public List<String> states() throws IOException {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            String now = current(e.file());
            out.add(Objects.equals(now, e.newSha()) ? "new" : Objects.equals(now, e.oldSha()) ? "old"
                    : now == null ? "missing" : "changed by hand");
        }
        return out;
    }

    /**
     * Finishes a pending change, or undoes an aborted one. Refuses, changing nothing, when a file
     * holds neither its old nor its new content.
     */
    public void finish() throws IOException {
        if (aborted()) {
            undo(false);
            return;
        }
        List<Entry> todo = new ArrayList<>();
        for (Entry e : entries) {
            String now = current(e.file());
            if (Objects.equals(now, e.newSha())) {
                continue;
            }
            if (!Objects.equals(now, e.oldSha())) {
                throw new JournalException(root.relativize(file) + ": " + e.path() + " was changed after the "
                        + "interrupted change (" + action + ") was journaled, so it is not overwritten; " + RESOLVE);
            }
            todo.add(e);
        }
        for (Entry e : todo) {
            createParents(e.file());
            AtomicFiles.write(e.file(), e.newContent());
            CrashPoint.here();
        }
        close();
    }

    /** Writes every entry's new content, whatever the files hold now: the user's choice. */
    public void apply() throws IOException {
        if (aborted()) {
            throw new JournalException(root.relativize(file) + ": this change was reported as failed (" + action
                    + "), so it cannot be applied; run mlops registry recover --discard and do it again");
        }
        for (Entry e : entries) {
            createParents(e.file());
            AtomicFiles.write(e.file(), e.newContent());
        }
        close();
    }

    /**
     * Puts back the old content of every file that holds the new one; files changed by hand are
     * left as they are. Returns the paths left alone.
     */
    public List<String> undo(boolean keepHandEdits) throws IOException {
        List<String> left = new ArrayList<>();
        for (Entry e : entries) {
            String now = current(e.file());
            if (Objects.equals(now, e.newSha()) && !Objects.equals(e.newSha(), e.oldSha())) {
                if (e.oldContent() == null) {
                    Files.deleteIfExists(e.file());
                } else {
                    AtomicFiles.write(e.file(), e.oldContent());
                }
            } else if (!Objects.equals(now, e.oldSha())) {
                left.add(e.path());
            }
        }
        if (!left.isEmpty() && !keepHandEdits) {
            throw new JournalException(root.relativize(file) + ": " + String.join(", ", left) + " changed after the "
                    + "failed change (" + action + "); " + RESOLVE);
        }
        close();
        return left;
    }

    /** Removes the journal (and temporary files a crash left). */
    void close() throws IOException {
        for (Entry e : entries) {
            AtomicFiles.removeLeftovers(e.file());
        }
        Files.deleteIfExists(file);
        AtomicFiles.removeLeftovers(file);
    }

    /** Removes a journal that cannot be read, leaving every other file as it is. */
    public static boolean discardUnreadable(Path root) throws IOException {
        boolean any = Files.deleteIfExists(pendingFile(root));
        any |= Files.deleteIfExists(abortedFile(root));
        AtomicFiles.removeLeftovers(pendingFile(root));
        return any;
    }

    /** Marks the journal as the record of a failed change: a rename, which needs no free space. */
    void markAborted() throws IOException {
        Files.move(file, abortedFile(root), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static void createParents(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
    }

    private static String current(Path p) throws IOException {
        try {
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                return Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? "not a regular file" : null;
            }
            return TreeHash.sha256(Files.readAllBytes(p));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    static String sha(String s) {
        return TreeHash.sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        return "\"" + s.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}

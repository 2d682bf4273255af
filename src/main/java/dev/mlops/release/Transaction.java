package dev.mlops.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.io.AtomicFiles;
import dev.mlops.io.CrashPoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * All-or-nothing changes to release state (registry, manifests, history). The new content of
 * every file is first written, atomically, to one journal file; then each file is replaced
 * atomically; then the journal is removed. A crash before the journal exists leaves the old
 * state; after, {@link #recover} (run under the registry lock by every command that changes
 * release state) finishes the writes, so the new state wins. Writes are idempotent.
 */
public final class Transaction {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path journal;
    private final List<String[]> writes = new ArrayList<>();

    private Transaction(Path journal) {
        this.journal = journal;
    }

    /** A transaction whose journal lives in the state directory {@code dir}. */
    public static Transaction in(Path dir) {
        return new Transaction(journalOf(dir));
    }

    static Path journalOf(Path dir) {
        return dir.resolve(".mlops").resolve("journal.json");
    }

    public Transaction write(Path file, String content) {
        writes.add(new String[] {file.toString(), content});
        return this;
    }

    public void commit() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode files = root.putArray("writes");
        for (String[] w : writes) {
            files.addObject().put("path", w[0]).put("content", w[1]);
        }
        AtomicFiles.write(journal, JSON.writeValueAsString(root));
        CrashPoint.here();
        apply(journal);
    }

    /** Whether a transaction was interrupted and waits to be finished. */
    public static boolean pending(Path dir) {
        return Files.exists(journalOf(dir));
    }

    /** Finishes an interrupted transaction, if there is one. Returns whether there was. */
    public static boolean recover(Path dir) throws IOException {
        Path j = journalOf(dir);
        if (!Files.exists(j)) {
            return false;
        }
        apply(j);
        return true;
    }

    private static void apply(Path journal) throws IOException {
        JsonNode root = JSON.readTree(Files.readString(journal, StandardCharsets.UTF_8));
        for (JsonNode w : root.get("writes")) {
            Path p = journal.getFileSystem().getPath(w.get("path").asText());
            String content = w.get("content").asText();
            if (!Files.exists(p) || !Files.readString(p, StandardCharsets.UTF_8).equals(content)) {
                AtomicFiles.write(p, content);
            }
            AtomicFiles.removeLeftovers(p);
            CrashPoint.here();
        }
        Files.deleteIfExists(journal);
        AtomicFiles.removeLeftovers(journal);
    }

}

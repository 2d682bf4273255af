package dev.mlops.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.registry.TreeHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only audit trail beside the registry ({@code history.jsonl}): one JSON object a
 * line, each carrying {@code prev}, the SHA-256 of the line before it, so that an edited entry
 * breaks the chain. The number of entries and the hash of the last line are also kept in
 * {@code .mlops/history.head}, so that a truncated history is detected too.
 */
public final class History {
    public static final String SCHEMA = "mlops.history/v1";
    static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final List<String> lines;

    private History(Path file, List<String> lines) {
        this.file = file;
        this.lines = List.copyOf(lines);
    }

    public static Path fileOf(Path root) {
        return root.resolve("history.jsonl");
    }

    public static Path headOf(Path root) {
        return root.resolve(".mlops").resolve("history.head");
    }

    public static History load(Path root) throws IOException {
        Path f = fileOf(root);
        List<String> lines = new ArrayList<>();
        try {
            for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (!l.isBlank()) {
                    lines.add(l);
                }
            }
        } catch (NoSuchFileException e) {
            // no history yet
        }
        return new History(f, lines);
    }

    public List<JsonNode> entries() {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                out.add(JSON.readTree(lines.get(i)));
            } catch (JsonProcessingException e) {
                throw new HistoryException(file + ":" + (i + 1) + ": not a JSON object");
            }
        }
        return out;
    }

    public String lastHash() {
        return lines.isEmpty() ? GENESIS : TreeHash.sha256(lines.get(lines.size() - 1).getBytes(StandardCharsets.UTF_8));
    }

    /** The file content with {@code entry} appended, its {@code prev} set; and the new head. */
    public String[] append(ObjectNode entry) throws JsonProcessingException {
        ObjectNode e = JSON.createObjectNode();
        e.put("schema", SCHEMA);
        e.put("prev", lastHash());
        e.setAll(entry);
        String line = JSON.writeValueAsString(e);
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        sb.append(line).append('\n');
        String head = (lines.size() + 1) + " " + TreeHash.sha256(line.getBytes(StandardCharsets.UTF_8)) + "\n";
        return new String[] {sb.toString(), head};
    }

    /** Thrown when the history was edited or truncated. */
    public static final class HistoryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public HistoryException(String message) {
            super(message);
        }
    }

    /** Checks the chain and the head; throws {@link HistoryException} naming the first bad line. */
    public void verify(Path root) throws IOException {
        String prev = GENESIS;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode e;
            try {
                e = JSON.readTree(lines.get(i));
            } catch (JsonProcessingException x) {
                throw new HistoryException(file + ":" + (i + 1) + ": not a JSON object");
            }
            if (e == null || !e.path("prev").asText().equals(prev)) {
                throw new HistoryException(file + ":" + (i + 1) + ": the chain is broken (prev does not match "
                        + "the hash of line " + i + "): the history was edited");
            }
            prev = TreeHash.sha256(lines.get(i).getBytes(StandardCharsets.UTF_8));
        }
        Path head = headOf(root);
        if (!Files.exists(head)) {
            if (!lines.isEmpty()) {
                throw new HistoryException(head + ": missing, so truncation cannot be ruled out");
            }
            return;
        }
        String[] h = Files.readString(head, StandardCharsets.UTF_8).trim().split(" ");
        long count = Long.parseLong(h[0]);
        if (count != lines.size() || !h[1].equals(prev)) {
            throw new HistoryException(file + ": has " + lines.size() + " entries ending in " + prev.substring(0, 12)
                    + ", but the head records " + count + " ending in " + h[1].substring(0, Math.min(12, h[1].length()))
                    + ": the history was truncated or edited");
        }
    }
}

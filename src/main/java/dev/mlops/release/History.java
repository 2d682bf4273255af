package dev.mlops.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.registry.HistoryRecord;
import dev.mlops.registry.Registry;
import dev.mlops.registry.TreeHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The append-only audit trail beside the registry ({@code history.jsonl}): one JSON object a
 * line, each carrying {@code prev}, the SHA-256 of the line before it, so that an edited,
 * removed or reordered entry breaks the chain. The number of entries and the hash of the last
 * line are kept twice more, in {@code .mlops/history.head} and in the registry's own
 * {@code history:} record, written in the same transaction, so that a truncated, emptied or
 * deleted history is detected too. With a {@link HistoryKey} each line, the head and the record
 * also carry an HMAC, and a chain recomputed without the key is detected.
 */
public final class History {
    public static final String SCHEMA = "mlops.history/v1";
    static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MAC_SUFFIX = Pattern.compile(",\"mac\":\"([0-9a-f]{64})\"}$");
    private static final Pattern HEAD = Pattern.compile("(\\d{1,18}) ([0-9a-f]{64})(?: ([0-9a-f]{64}))?");

    private final Path file;
    private final List<String> lines;
    private final Optional<String> head;

    private History(Path file, List<String> lines, Optional<String> head) {
        this.file = file;
        this.lines = List.copyOf(lines);
        this.head = head;
    }

    public static Path fileOf(Path root) {
        return root.resolve("history.jsonl");
    }

    public static Path headOf(Path root) {
        return root.resolve(".mlops").resolve("history.head");
    }

    public static History load(Path root) throws IOException {
        return load(root, ReleaseFiles.disk());
    }

    public static History load(Path root, ReleaseFiles files) throws IOException {
        Path f = fileOf(root);
        List<String> lines = new ArrayList<>();
        for (String l : files.read(f).orElse("").split("\n", -1)) {
            if (!l.isBlank()) {
                lines.add(l);
            }
        }
        return new History(f, lines, files.read(headOf(root)));
    }

    public List<JsonNode> entries() {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            out.add(parse(i));
        }
        return out;
    }

    private JsonNode parse(int i) {
        try {
            JsonNode n = JSON.readTree(lines.get(i));
            if (n == null || !n.isObject()) {
                throw new HistoryException(file.getFileName() + ":" + (i + 1) + ": not a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new HistoryException(file.getFileName() + ":" + (i + 1) + ": not a JSON object");
        }
    }

    public int size() {
        return lines.size();
    }

    public String lastHash() {
        return lines.isEmpty() ? GENESIS : hash(lines.get(lines.size() - 1));
    }

    /** What appending an entry writes: the history file, the head file, and the registry's record. */
    public record Appended(String fileContent, String headContent, HistoryRecord record) {
    }

    /** The files with {@code entry} appended, its {@code prev} set, signed when a key is given. */
    public Appended append(ObjectNode entry, Optional<HistoryKey> key) throws JsonProcessingException {
        ObjectNode e = JSON.createObjectNode();
        e.put("schema", SCHEMA);
        e.put("prev", lastHash());
        e.setAll(entry);
        e.remove("mac");
        String line = JSON.writeValueAsString(e);
        if (key.isPresent()) {
            line = line.substring(0, line.length() - 1) + ",\"mac\":\"" + key.get().mac(line) + "\"}";
        }
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        sb.append(line).append('\n');
        long count = lines.size() + 1L;
        String last = hash(line);
        String headText = count + " " + last;
        String head = headText + key.map(k -> " " + k.mac(headText)).orElse("") + "\n";
        HistoryRecord unsigned = new HistoryRecord(count, last, null, 0);
        HistoryRecord record = new HistoryRecord(count, last, key.map(k -> k.mac(unsigned.signedText())).orElse(null), 0);
        return new Appended(sb.toString(), head, record);
    }

    /** Thrown when the history was edited, truncated, deleted or forged. */
    public static final class HistoryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public HistoryException(String message) {
            super(message);
        }
    }

    /**
     * What a verification found.
     *
     * @param entries   the number of entries
     * @param signed    how many carry an HMAC
     * @param keyed     whether the HMACs were checked with the key
     */
    public record Verified(int entries, int signed, boolean keyed) {
        public String describe() {
            String s = entries + " entries, chain intact";
            if (keyed) {
                return s + ", " + signed + " signed, signatures valid";
            }
            return signed > 0 ? s + "; " + signed + " are signed: give " + HistoryKey.VAR + " to check their "
                    + "signatures" : s;
        }
    }

    /**
     * Checks the chain, the head file and the registry's record, and with a key every signature.
     *
     * @param strict with a key, also fail when the history holds no signed entry at all (what
     *               {@code history --verify} asks; a writer accepts a history not yet signed)
     */
    public Verified verify(Registry registry, Optional<HistoryKey> key, boolean strict) {
        String name = file.getFileName().toString();
        String prev = GENESIS;
        int signed = 0;
        int firstSigned = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            JsonNode e = parse(i);
            if (!e.path("prev").asText().equals(prev)) {
                throw new HistoryException(name + ":" + (i + 1) + ": the chain is broken (prev does not match "
                        + "the hash of " + (i == 0 ? "the start" : "line " + i) + "): the history was edited, "
                        + "reordered or cut");
            }
            if (e.has("mac")) {
                Matcher m = MAC_SUFFIX.matcher(l);
                if (!m.find()) {
                    throw new HistoryException(name + ":" + (i + 1) + ": its mac is not where mlops writes it");
                }
                if (key.isPresent() && !key.get().verifies(l.substring(0, m.start()) + "}", m.group(1))) {
                    throw new HistoryException(name + ":" + (i + 1) + ": its signature does not match: the entry was "
                            + "forged or edited, or signed with another key");
                }
                signed++;
                if (firstSigned < 0) {
                    firstSigned = i;
                }
            } else if (firstSigned >= 0 && key.isPresent()) {
                throw new HistoryException(name + ":" + (i + 1) + ": is not signed, though line " + (firstSigned + 1)
                        + " before it is: it was added without the key");
            }
            prev = hash(l);
        }
        checkHead(name, prev, signed > 0, key);
        checkRecord(registry, prev, signed > 0, key);
        if (key.isPresent() && strict && signed == 0 && (!lines.isEmpty() || registry.history() != null
                || registry.versions().stream().anyMatch(v -> v.frozen()))) {
            throw new HistoryException(name + ": no entry is signed with " + HistoryKey.VAR + ", though the registry "
                    + "has a history or frozen versions: the history was replaced, or never signed");
        }
        return new Verified(lines.size(), signed, key.isPresent());
    }

    private void checkHead(String name, String last, boolean anySigned, Optional<HistoryKey> key) {
        String headName = ".mlops/history.head";
        if (head.isEmpty()) {
            if (!lines.isEmpty()) {
                throw new HistoryException(headName + ": missing, so truncation cannot be ruled out");
            }
            return;
        }
        Matcher m = HEAD.matcher(head.get().strip());
        if (!m.matches()) {
            throw new HistoryException(headName + ": is " + (head.get().isBlank() ? "empty" : "not a count and a "
                    + "SHA-256") + ", so the history cannot be checked");
        }
        long count = Long.parseLong(m.group(1));
        if (count != lines.size() || !m.group(2).equals(last)) {
            throw new HistoryException(name + ": has " + lines.size() + " entries ending in " + last.substring(0, 12)
                    + ", but the head records " + count + " ending in " + m.group(2).substring(0, 12)
                    + ": the history was truncated or edited");
        }
        if (key.isPresent() && anySigned && (m.group(3) == null
                || !key.get().verifies(m.group(1) + " " + m.group(2), m.group(3)))) {
            throw new HistoryException(headName + ": its signature is missing or does not match: the head was "
                    + "rewritten without the key");
        }
    }

    private void checkRecord(Registry registry, String last, boolean anySigned, Optional<HistoryKey> key) {
        HistoryRecord r = registry.history();
        String where = registry.file().getFileName() + (r == null ? "" : ":" + r.line());
        if (r == null) {
            if (anySigned && key.isPresent()) {
                throw new HistoryException(where + ": the registry has no history record, though the history is "
                        + "signed: the record was removed");
            }
            return;
        }
        if (r.entries() != lines.size() || !r.head().equals(last)) {
            throw new HistoryException(where + ": the registry records a history of " + r.entries() + " entries "
                    + "ending in " + r.head().substring(0, Math.min(12, r.head().length())) + ", but "
                    + file.getFileName() + " has " + lines.size() + (lines.isEmpty() ? ""
                    : " ending in " + last.substring(0, 12)) + ": the history was deleted, emptied, cut or replaced");
        }
        if (key.isPresent() && anySigned && (r.mac() == null || !key.get().verifies(r.signedText(), r.mac()))) {
            throw new HistoryException(where + ": the registry's history record is not signed with this key");
        }
    }

    /** Whether any entry is signed (so a writer needs the key). */
    public boolean signed() {
        return lines.stream().anyMatch(l -> MAC_SUFFIX.matcher(l).find());
    }

    static String hash(String line) {
        return TreeHash.sha256(line.getBytes(StandardCharsets.UTF_8));
    }
}

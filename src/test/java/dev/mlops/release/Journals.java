package dev.mlops.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.registry.TreeHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hand-written journals, as an attacker or a crashed run would leave them, with a valid checksum. */
public final class Journals {
    private Journals() {
    }

    /** Triples of (path relative or not, old content or null, new content). */
    public static Path write(Path root, String... pathOldNew) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode writes = json.createArrayNode();
        for (int i = 0; i < pathOldNew.length; i += 3) {
            String old = pathOldNew[i + 1];
            String neu = pathOldNew[i + 2];
            writes.addObject().put("path", pathOldNew[i])
                    .put("old_sha256", old == null ? null : sha(old)).put("new_sha256", sha(neu))
                    .put("old", old).put("new", neu);
        }
        ObjectNode doc = json.createObjectNode();
        doc.put("schema", "mlops.journal/v1");
        doc.put("action", "hand-written");
        doc.set("writes", writes);
        doc.put("checksum", sha(json.writeValueAsString(writes)));
        Files.createDirectories(root.resolve(".mlops"));
        return Files.writeString(root.resolve(".mlops/journal.json"), json.writeValueAsString(doc));
    }

    private static String sha(String s) {
        return TreeHash.sha256(s.getBytes(StandardCharsets.UTF_8));
    }
}

package dev.mlops.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The man pages' key lists come from the records and name every key the golden reports hold. */
class KeysTest {
    @Test
    void theDocumentLineComesFirstAndEachNestedObjectOnceNamedByItsHolders() {
        List<String> lines = Keys.describe(AnalyzeDoc.class);
        assertTrue(lines.get(0).startsWith("schema (\"mlops.analyze/v1\"), tool_version (the mlops version), "
                + "group_by[] (the --by fields)"), lines.get(0));
        assertTrue(lines.contains("records: read, bad, matched."), lines.toString());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("latency_ms, ttft_ms, input_tokens, output_tokens, "
                + "output_tokens_per_s: ")).count(), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("overall, groups[]: usage of one group; overall has an empty key. key (field to value)")), lines.toString());
    }

    @Test
    void everyKeyOfEveryGoldenReportIsDocumented() throws IOException {
        Map<String, String> goldens = Map.of("analyze-example", AnalyzeDoc.SCHEMA, "drift", DriftDoc.SCHEMA,
                "health", HealthDoc.SCHEMA, "collapse", CollapseDoc.SCHEMA, "select-coverage", SelectDoc.SCHEMA,
                "registry-verify", VerifyDoc.SCHEMA, "registry-diff", DiffDoc.SCHEMA, "manifest", ManifestDoc.SCHEMA);
        for (var g : goldens.entrySet()) {
            JsonNode json = new ObjectMapper().readTree(Files.readString(Path.of("src/test/resources/golden",
                    g.getKey() + ".json")));
            String doc = String.join("\n", Keys.describe(Keys.of(g.getValue()).orElseThrow()));
            TreeSet<String> missing = new TreeSet<>();
            keys(json, missing, doc, false);
            assertTrue(missing.isEmpty(), g.getKey() + " has undocumented keys " + missing);
        }
    }

    /** Collects keys of objects (not of maps such as key or error_types, whose keys are data) absent from doc. */
    private static void keys(JsonNode n, TreeSet<String> missing, String doc, boolean data) {
        if (n.isArray()) {
            n.forEach(x -> keys(x, missing, doc, false));
        } else if (n.isObject() && !data) {
            n.fieldNames().forEachRemaining(k -> {
                if (!doc.matches("(?s).*(^|[\\s,(])" + java.util.regex.Pattern.quote(k) + "(\\[\\])?[\\s,.:(].*")) {
                    missing.add(k);
                }
                boolean isMap = List.of("key", "error_types", "js_distance", "redacted", "artifacts", "sampling").contains(k);
                keys(n.get(k), missing, doc, isMap);
            });
        }
    }
}

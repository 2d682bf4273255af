package dev.mlops.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.logs.InputException;
import dev.mlops.logs.JsonLines;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Canary eval results: JSONL rows of {@code item}, {@code version}, {@code passed} and/or {@code score}, {@code category}. */
public final class EvalResults {
    /** One item's result. passed is null when the eval has only scores; score is NaN when it has none. */
    public record Row(String item, String category, Boolean passed, double score) {
    }

    private final String version;
    private final Map<String, Row> rows;

    private EvalResults(String version, Map<String, Row> rows) {
        this.version = version;
        this.rows = rows;
    }

    public String version() {
        return version;
    }

    public Map<String, Row> rows() {
        return rows;
    }

    public static EvalResults load(Path file, String name) {
        Map<String, Row> rows = new LinkedHashMap<>();
        String[] version = new String[1];
        JsonLines.read(file, name, (o, n) -> {
            JsonNode item = o.get("item");
            if (item == null || item.isNull() || item.asText().isEmpty()) {
                throw new InputException(name + ":" + n + ": item is missing");
            }
            JsonNode p = o.get("passed");
            JsonNode s = o.get("score");
            if ((p == null || p.isNull()) && (s == null || s.isNull())) {
                throw new InputException(name + ":" + n + ": neither passed nor score");
            }
            if (p != null && !p.isNull() && !p.isBoolean()) {
                throw new InputException(name + ":" + n + ": passed is " + p + ", expected true or false");
            }
            if (s != null && !s.isNull() && !s.isNumber()) {
                throw new InputException(name + ":" + n + ": score is " + s + ", expected a number");
            }
            if (version[0] == null && o.hasNonNull("version")) {
                version[0] = o.get("version").asText();
            }
            String id = item.asText();
            if (rows.containsKey(id)) {
                throw new InputException(name + ":" + n + ": item " + id + " appears twice");
            }
            rows.put(id, new Row(id, o.hasNonNull("category") ? o.get("category").asText() : "(none)",
                    p == null || p.isNull() ? null : p.asBoolean(), s == null || s.isNull() ? Double.NaN : s.asDouble()));
        });
        if (rows.isEmpty()) {
            throw new InputException(name + ": is empty");
        }
        return new EvalResults(version[0], rows);
    }
}

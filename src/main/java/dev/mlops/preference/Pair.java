package dev.mlops.preference;

/** Two models' responses to one prompt, for a person to judge side by side. */
public record Pair(String id, String prompt, String modelA, String responseA, String modelB, String responseB,
                   String segment) {
    /** Reads one line of PAIRS.jsonl: id, prompt, model_a, response_a, model_b, response_b, and optionally segment. */
    public static Pair of(com.fasterxml.jackson.databind.JsonNode o) {
        return new Pair(text(o, "id"), text(o, "prompt"), text(o, "model_a"), text(o, "response_a"), text(o, "model_b"),
                text(o, "response_b"), o.path("segment").isValueNode() ? o.path("segment").asText() : null);
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode o, String key) {
        com.fasterxml.jackson.databind.JsonNode v = o.get(key);
        if (v == null || !v.isValueNode() || v.isNull()) {
            throw new IllegalArgumentException(key + " is missing");
        }
        return v.asText();
    }
}

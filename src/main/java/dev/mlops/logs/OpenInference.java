package dev.mlops.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenInference's (Arize Phoenix) names for what the GenAI conventions call usage and model. */
final class OpenInference {
    private OpenInference() {
    }

    /** Copies llm.* tokens and model onto the names the mapping reads, where the GenAI names are absent. */
    static void tokens(ObjectNode attrs, ObjectNode r) {
        copy(attrs, r, "llm.token_count.prompt", "input_tokens");
        copy(attrs, r, "llm.token_count.completion", "output_tokens");
        copy(attrs, r, "llm.token_count.prompt_details.cache_read", "cached_input_tokens");
        copy(attrs, r, "llm.model_name", "model");
    }

    private static void copy(ObjectNode attrs, ObjectNode r, String from, String to) {
        JsonNode v = attrs.get(from);
        if (v != null && !v.isNull() && !r.has(to)) {
            r.set(to, v);
        }
    }
}

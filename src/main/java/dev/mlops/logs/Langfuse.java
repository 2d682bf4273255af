package dev.mlops.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Langfuse exports: a trace export {@code {"trace": ..., "observations": [...]}} (as the Langfuse API
 * returns it), or observations alone (a JSON array or JSONL, camelCase as the API writes them or
 * snake_case as blob-storage exports do). GENERATION observations are the requests; other types
 * (SPAN, EVENT, AGENT, TOOL, ...) are skipped. Latency and time to first token are in seconds;
 * level ERROR is an error whose type is the statusMessage; the trace's userId, sessionId, tags,
 * release and version apply to its observations; metadata may be a JSON string.
 */
public final class Langfuse extends JsonEnvelope {
    /** The format: detected by an "observations" array beside a "trace", or by GENERATION observations. */
    public static final Format FORMAT = new Format() {
        @Override
        public String key() {
            return "langfuse";
        }

        @Override
        public Framing framing() {
            return Framing.ENVELOPE;
        }

        @Override
        public int sniff(Head h) {
            String t = h.all();
            boolean export = t.contains("\"observations\"") && t.contains("\"trace\"");
            boolean observations = t.contains("\"GENERATION\"") && (t.contains("\"traceId\"") || t.contains("\"trace_id\""));
            return h.json() && (export || observations) ? 4 : 0;
        }

        @Override
        public RecordSource records(InputStream in) throws IOException {
            return new Langfuse(in);
        }
    };

    Langfuse(InputStream in) throws IOException {
        super(in, "observations");
    }

    @Override
    public String noun() {
        return "observation";
    }

    @Override
    public String nothingUsable() {
        return String.format(java.util.Locale.ROOT, "%,d observation%s read, none is a GENERATION", items(),
                items() == 1 ? "" : "s");
    }

    @Override
    protected void element(JsonNode o, ObjectNode context, long line) throws IOException {
        if (!"GENERATION".equalsIgnoreCase(text(o, "type", "type"))) {
            skip();
            return;
        }
        ObjectNode r = Json.MAPPER.createObjectNode();
        try {
            record(o, context.path("trace"), r, textWanted(), false);
        } catch (IllegalArgumentException e) {
            bad(line, e.getMessage());
            return;
        }
        emit(r);
    }

    /**
     * Maps one GENERATION observation onto a flat record. {@code timesFirst}: latency and TTFT from
     * the start, end and completion-start times even where latency fields are given, for exports
     * whose latency fields are formatted ("1.25s") or in units that changed between versions.
     */
    static void record(JsonNode o, JsonNode trace, ObjectNode r, boolean text, boolean timesFirst) {
        put(r, "id", text(o, "id", "id"));
        put(r, "trace_id", text(o, "traceId", "trace_id"));
        put(r, "name", text(o, "name", "name"));
        put(r, "model", text(o, "model", "provided_model_name"));
        String start = text(o, "startTime", "start_time");
        put(r, "timestamp", start);
        JsonNode latency = field(o, "latency", "latency");
        String end = text(o, "endTime", "end_time");
        if (latency.isNumber() && !(timesFirst && end != null)) {
            r.put("latency_ms", latency.asDouble() * 1000);
        } else {
            millisBetween(start, end, r, "latency_ms");
        }
        JsonNode ttft = field(o, "timeToFirstToken", "time_to_first_token");
        String firstToken = text(o, "completionStartTime", "completion_start_time");
        if (ttft.isNumber() && !(timesFirst && firstToken != null)) {
            r.put("ttft_ms", ttft.asDouble() * 1000);
        } else {
            millisBetween(start, firstToken, r, "ttft_ms");
        }
        usage(o, r);
        JsonNode cost = field(o, "totalCost", "total_cost");
        if (!cost.isNumber()) {
            cost = field(o, "costDetails", "cost_details").path("total");
        }
        if (cost.isNumber()) {
            r.set("cost_usd", cost);
        }
        if ("ERROR".equalsIgnoreCase(text(o, "level", "level"))) {
            String message = text(o, "statusMessage", "status_message");
            r.put("error_type", message == null || message.isBlank() ? "ERROR" : message);
        }
        put(r, "user", text(trace, "userId", "user_id"));
        put(r, "conversation", text(trace, "sessionId", "session_id"));
        put(r, "release", text(trace, "release", "release"));
        String version = text(o, "version", "version");
        put(r, "version", version != null ? version : text(trace, "version", "version"));
        put(r, "environment", text(o, "environment", "environment"));
        JsonNode tags = trace.path("tags").isArray() ? trace.path("tags") : parsed(o.path("traceTags"));
        if (tags.isArray() && !tags.isEmpty()) {
            java.util.List<String> names = new java.util.ArrayList<>();
            tags.forEach(t -> names.add(t.asText()));
            r.put("tags", String.join(",", names));
        }
        JsonNode metadata = parsed(field(o, "metadata", "metadata"));
        if (metadata.isObject()) {
            r.set("metadata", metadata);
        }
        if (text) {
            put(r, "prompt", OtlpMessages.messages(parsed(field(o, "input", "input"))));
            put(r, "response", OtlpMessages.messages(parsed(field(o, "output", "output"))));
        }
    }

    /** Tokens from usageDetails (or usage, or the older promptTokens/completionTokens). */
    private static void usage(JsonNode o, ObjectNode r) {
        JsonNode u = field(o, "usageDetails", "usage_details");
        if (!u.isObject()) {
            u = field(o, "usage", "usage");
        }
        JsonNode in = first(u.path("input"), u.path("promptTokens"), field(o, "inputUsage", "input_usage"),
                field(o, "promptTokens", "prompt_tokens"));
        JsonNode out = first(u.path("output"), u.path("completionTokens"), field(o, "outputUsage", "output_usage"),
                field(o, "completionTokens", "completion_tokens"));
        JsonNode cached = first(u.path("input_cached_tokens"), u.path("prompt_details.cache_read"),
                u.path("cache_read_input_tokens"), u.path("input_cache_read"));
        if (in.isNumber()) {
            r.set("input_tokens", in);
        }
        if (out.isNumber()) {
            r.set("output_tokens", out);
        }
        if (cached.isNumber()) {
            r.set("cached_input_tokens", cached);
        }
    }

    private static JsonNode first(JsonNode... candidates) {
        for (JsonNode c : candidates) {
            if (c.isNumber()) {
                return c;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static void millisBetween(String from, String to, ObjectNode r, String key) {
        if (from == null || to == null) {
            return;
        }
        try {
            r.put(key, Duration.between(Instant.parse(from), Instant.parse(to)).toNanos() / 1e6);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException((key.equals("latency_ms") ? "endTime" : "completionStartTime")
                    + " or startTime is not an ISO-8601 time: " + e.getParsedString());
        }
    }

    /** A value that Langfuse may store as a JSON string (input, output, metadata), parsed when it is JSON. */
    static JsonNode parsed(JsonNode v) {
        if (v.isTextual()) {
            String s = v.asText().trim();
            if (s.startsWith("{") || s.startsWith("[") || s.startsWith("\"")) {
                try {
                    return Json.MAPPER.readTree(s);
                } catch (IOException e) {
                    return v;
                }
            }
        }
        return v;
    }

    /** A field by its API (camelCase) or blob-export (snake_case) name. */
    private static JsonNode field(JsonNode o, String camel, String snake) {
        JsonNode v = o.path(camel);
        return v.isMissingNode() || v.isNull() ? o.path(snake) : v;
    }

    private static String text(JsonNode o, String camel, String snake) {
        JsonNode v = field(o, camel, snake);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    private static void put(ObjectNode r, String key, String value) {
        if (value != null) {
            r.put(key, value);
        }
    }
}

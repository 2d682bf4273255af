package dev.mlops.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;

/**
 * OTLP/JSON traces ({@code resourceSpans → scopeSpans → spans}), as the OpenTelemetry Collector's file
 * exporter and OTLP/HTTP JSON write them (opentelemetry-proto 1.x JSON mapping), with the GenAI semantic
 * conventions (current and older names) and OpenInference's LLM spans. A span is a request when it has
 * {@code gen_ai.operation.name}, {@code gen_ai.system} or {@code gen_ai.provider.name}, or
 * {@code openinference.span.kind} LLM; other spans are skipped. Each request becomes one flat record:
 * the span's and its resource's attributes under their own names, and the fields the mapping reads.
 */
public final class Otlp extends JsonEnvelope {
    /** The format: detected by a {@code "resourceSpans"} key in the first bytes. */
    public static final Format FORMAT = new Format() {
        @Override
        public String key() {
            return "otlp";
        }

        @Override
        public Framing framing() {
            return Framing.ENVELOPE;
        }

        @Override
        public int sniff(Head h) {
            return h.json() && h.all().contains("\"resourceSpans\"") ? 4 : 0;
        }

        @Override
        public RecordSource records(InputStream in) throws IOException {
            return new Otlp(in);
        }
    };

    Otlp(InputStream in) throws IOException {
        super(in, "resourceSpans");
    }

    @Override
    public String noun() {
        return "span";
    }

    @Override
    public String nothingUsable() {
        return String.format(java.util.Locale.ROOT, "%,d span%s read, none has gen_ai attributes", items(),
                items() == 1 ? "" : "s");
    }

    @Override
    protected void element(JsonNode resourceSpans, ObjectNode context, long line) throws IOException {
        ObjectNode resource = OtlpValues.attributes(resourceSpans.path("resource").path("attributes"));
        for (JsonNode scope : resourceSpans.path("scopeSpans")) {
            for (JsonNode span : scope.path("spans")) {
                ObjectNode attrs = OtlpValues.attributes(span.path("attributes"));
                if (!isRequest(attrs)) {
                    skip();
                    continue;
                }
                ObjectNode r = OtlpValues.object();
                r.setAll(resource);
                r.setAll(attrs);
                try {
                    record(span, attrs, r, textWanted());
                } catch (IllegalArgumentException e) {
                    bad(line, e.getMessage());
                    continue;
                }
                emit(r);
            }
        }
    }

    static boolean isRequest(ObjectNode a) {
        return a.has("gen_ai.operation.name") || a.has("gen_ai.system") || a.has("gen_ai.provider.name")
                || "LLM".equalsIgnoreCase(a.path("openinference.span.kind").asText(""));
    }

    /** The fields the mapping reads, from the span itself and its conventions. */
    private static void record(JsonNode span, ObjectNode attrs, ObjectNode r, boolean textWanted) {
        r.put("span_id", OtlpValues.id(span.path("spanId").asText("")));
        r.put("trace_id", OtlpValues.id(span.path("traceId").asText("")));
        r.put("name", span.path("name").asText(""));
        JsonNode model = first(attrs, "gen_ai.response.model", "gen_ai.request.model", "llm.model_name");
        if (model != null) {
            r.put("model", model.asText());
        }
        long start = OtlpValues.nanos(span.get("startTimeUnixNano"), "startTimeUnixNano");
        long end = OtlpValues.nanos(span.get("endTimeUnixNano"), "endTimeUnixNano");
        if (start > 0) {
            // epoch microseconds: exact in a double, and read without formatting a date
            r.put("timestamp", start / 1000);
        }
        if (start > 0 && end >= start) {
            r.put("latency_ms", (end - start) / 1e6);
        }
        JsonNode ttft = first(attrs, "gen_ai.response.time_to_first_chunk", "gen_ai.latency.time_to_first_token");
        if (ttft != null && ttft.isNumber()) {
            r.put("ttft_ms", ttft.asDouble() * 1000);
        }
        JsonNode e2e = attrs.get("gen_ai.latency.e2e");
        if (!r.has("latency_ms") && e2e != null && e2e.isNumber()) {
            r.put("latency_ms", e2e.asDouble() * 1000);
        }
        JsonNode status = span.path("status");
        String error = attrs.path("error.type").asText(null);
        if (error == null && OtlpValues.isErrorStatus(status.path("code"))) {
            String msg = status.path("message").asText("");
            error = msg.isEmpty() ? "span status error" : msg;
        }
        r.remove("error.type");
        if (error != null) {
            r.put("error_type", error);
        }
        JsonNode finish = attrs.get("gen_ai.response.finish_reasons");
        r.remove("gen_ai.response.finish_reasons");
        if (finish != null && finish.isArray() && !finish.isEmpty()) {
            r.put("finish_reason", finish.get(0).asText());
        } else if (finish != null && finish.isTextual()) {
            r.put("finish_reason", finish.asText());
        }
        JsonNode conv = first(attrs, "gen_ai.conversation.id", "session.id");
        if (conv != null) {
            r.put("conversation", conv.asText());
        }
        JsonNode user = first(attrs, "user.id", "enduser.id");
        if (user != null) {
            r.put("user", user.asText());
        }
        OpenInference.tokens(attrs, r);
        if (textWanted) {
            OtlpMessages.text(span, attrs, r);
        } else {
            OtlpMessages.drop(r);
        }
    }

    static JsonNode first(ObjectNode a, String... names) {
        for (String n : names) {
            JsonNode v = a.get(n);
            if (v != null && !v.isNull()) {
                return v;
            }
        }
        return null;
    }
}

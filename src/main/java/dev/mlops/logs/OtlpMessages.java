package dev.mlops.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A span's prompt and response text, wherever its instrumentation put them: the GenAI conventions'
 * {@code gen_ai.input.messages}/{@code gen_ai.output.messages} (a JSON string or structured values, parts
 * of type text), the older per-message events ({@code gen_ai.user.message}, {@code gen_ai.choice}, ...),
 * the oldest {@code gen_ai.prompt}/{@code gen_ai.completion}, or OpenInference's
 * {@code llm.input_messages.N.message.content} and {@code input.value}/{@code output.value}.
 */
final class OtlpMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OtlpMessages() {
    }

    static void text(JsonNode span, ObjectNode attrs, ObjectNode r) {
        String prompt = firstText(messages(attrs.get("gen_ai.input.messages")), indexed(attrs, "llm.input_messages."),
                events(span, true), plain(attrs, "gen_ai.prompt"), plain(attrs, "input.value"));
        String response = firstText(messages(attrs.get("gen_ai.output.messages")),
                indexed(attrs, "llm.output_messages."), events(span, false), plain(attrs, "gen_ai.completion"),
                plain(attrs, "output.value"));
        drop(r);
        if (prompt != null) {
            r.put("prompt", prompt);
        }
        if (response != null) {
            r.put("response", response);
        }
    }

    /** Leaves the message attributes out of a record (they are bulky, and only prompt and response are read). */
    static void drop(ObjectNode r) {
        List<String> bulky = null;
        for (java.util.Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (k.startsWith("llm.input_messages.") || k.startsWith("llm.output_messages.")) {
                if (bulky == null) {
                    bulky = new ArrayList<>();
                }
                bulky.add(k);
            }
        }
        if (bulky != null) {
            bulky.forEach(r::remove);
        }
        for (String k : MESSAGE_KEYS) {
            r.remove(k);
        }
    }

    private static final List<String> MESSAGE_KEYS = List.of("gen_ai.input.messages", "gen_ai.output.messages",
            "gen_ai.prompt", "gen_ai.completion", "input.value", "output.value");

    private static String firstText(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isEmpty()) {
                return c;
            }
        }
        return null;
    }

    private static String plain(ObjectNode attrs, String name) {
        JsonNode v = attrs.get(name);
        return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
    }

    /** The text of a message list: [{role, parts: [{type: text, content}]}], or [{role, content}]. */
    static String messages(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            try {
                v = JSON.readTree(v.asText());
            } catch (java.io.IOException e) {
                return v.asText();
            }
        }
        List<String> out = new ArrayList<>();
        for (JsonNode m : v.isArray() ? v : List.of(v)) {
            content(m, out);
        }
        return out.isEmpty() ? null : String.join("\n", out);
    }

    private static void content(JsonNode m, List<String> out) {
        if (m.isTextual()) {
            out.add(m.asText());
            return;
        }
        for (JsonNode part : m.path("parts")) {
            if (part.path("type").asText("text").equals("text") && part.path("content").isTextual()) {
                out.add(part.get("content").asText());
            }
        }
        JsonNode c = m.has("content") ? m.get("content") : m.path("message").path("content");
        if (c.isTextual()) {
            out.add(c.asText());
        } else if (c.isArray()) {
            c.forEach(x -> out.add(x.path("text").asText(x.asText())));
        }
    }

    /** OpenInference's flattened llm.input_messages.N.message.content, in N order. */
    private static String indexed(ObjectNode attrs, String prefix) {
        Map<Integer, String> byIndex = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = attrs.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (k.startsWith(prefix) && k.endsWith(".message.content")) {
                try {
                    byIndex.put(Integer.parseInt(k.substring(prefix.length(), k.indexOf('.', prefix.length()))),
                            e.getValue().asText());
                } catch (NumberFormatException | StringIndexOutOfBoundsException ignored) {
                    // not an indexed message
                }
            }
        }
        return byIndex.isEmpty() ? null : String.join("\n", byIndex.values());
    }

    /** The older per-message span events: gen_ai.{system,user,assistant,tool}.message in, gen_ai.choice out. */
    private static String events(JsonNode span, boolean input) {
        List<String> out = new ArrayList<>();
        for (JsonNode ev : span.path("events")) {
            String name = ev.path("name").asText("");
            boolean in = name.startsWith("gen_ai.") && name.endsWith(".message");
            boolean choice = name.equals("gen_ai.choice");
            if (input ? !in : !choice) {
                continue;
            }
            ObjectNode a = OtlpValues.attributes(ev.path("attributes"));
            JsonNode body = a.has("gen_ai.event.content") ? a.get("gen_ai.event.content") : ev.path("body").isMissingNode()
                    ? a : OtlpValues.value(ev.get("body"));
            String text = messages(body.has("message") ? body.get("message") : body);
            if (text != null) {
                out.add(text);
            }
        }
        return out.isEmpty() ? null : String.join("\n", out);
    }
}

package dev.mlops.logs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A batch's input file joined to its output by {@code custom_id} (OpenAI's Batch API writes the
 * output in no particular order, without the prompts): each output record gets the input's last user
 * message as its prompt, and the input body's {@code metadata} as attributes {@code metadata.KEY}.
 * The input is held in memory: one prompt and a few strings per request (a batch holds at most
 * 50,000 requests).
 */
public final class Join {
    private record Input(String prompt, Map<String, String> attributes) {
    }

    private final Map<String, Input> byId;

    private Join(Map<String, Input> byId) {
        this.byId = byId;
    }

    /** Reads a batch input file: JSONL of {custom_id, body {messages, metadata}}. */
    public static Join load(Path file, String name) {
        Map<String, Input> byId = new HashMap<>();
        long line = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode j;
                try {
                    j = JsonEnvelope.Json.MAPPER.readTree(text);
                } catch (IOException e) {
                    throw new InputException(name + ":" + line + ": not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
                }
                String id = j.path("custom_id").asText(null);
                if (id == null) {
                    throw new InputException(name + ":" + line + ": custom_id is missing");
                }
                JsonNode body = j.path("body");
                Map<String, String> attrs = new LinkedHashMap<>();
                body.path("metadata").fields().forEachRemaining(e -> attrs.put("metadata." + e.getKey(),
                        e.getValue().asText()));
                if (byId.put(id, new Input(Messages.lastUser(body.path("messages").toString()), attrs)) != null) {
                    throw new InputException(name + ":" + line + ": custom_id " + id + " appears twice");
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(name + ": no such file");
        } catch (IOException e) {
            throw new InputException(name + ": " + e.getMessage());
        }
        return new Join(byId);
    }

    /** How many input requests there are. */
    public int size() {
        return byId.size();
    }

    LogRecord apply(LogRecord r) {
        Input in = r.id() == null ? null : byId.get(r.id());
        if (in == null) {
            return r;
        }
        Map<String, String> attrs = new HashMap<>(in.attributes());
        attrs.putAll(r.attributes());
        return r.withText(r.prompt() != null ? r.prompt() : in.prompt(), r.response()).withAttributes(attrs);
    }

    /** The sink, seeing joined records. */
    static Consumer<LogRecord> around(Join join, Consumer<LogRecord> sink) {
        if (join == null) {
            return sink;
        }
        // a record without its text (a selective sink's first look) gets the attributes, not the prompt
        return Sinks.mapped(join::apply, sink);
    }
}

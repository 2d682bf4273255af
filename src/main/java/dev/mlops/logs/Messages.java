package dev.mlops.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI-style chat messages ({@code [{"role": "user", "content": "..."}]}), where content may
 * also be a list of parts ({@code [{"type": "text", "text": "..."}]}).
 */
public final class Messages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Messages() {
    }

    /** One message: its role and its text. */
    public record Message(String role, String content) {
    }

    /** The messages of a JSON array, without those that have no text. */
    public static List<Message> parse(String jsonArray) {
        try {
            return of(JSON.readTree(jsonArray));
        } catch (IOException e) {
            return List.of();
        }
    }

    public static List<Message> of(JsonNode array) {
        List<Message> out = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return out;
        }
        for (JsonNode m : array) {
            String text = text(m.path("content"));
            if (m.path("role").isTextual() && text != null && !text.isEmpty()) {
                out.add(new Message(m.get("role").asText(), text));
            }
        }
        return out;
    }

    /** The text of a content value: a string, or the text parts of a list joined by new lines. */
    static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode p : content) {
                if (p.isTextual()) {
                    parts.add(p.asText());
                } else if (p.path("text").isTextual()) {
                    parts.add(p.get("text").asText());
                }
            }
            return parts.isEmpty() ? null : String.join("\n", parts);
        }
        return null;
    }

    /** The last user message's text: what a log record's prompt is when the record holds a conversation. */
    public static String lastUser(String jsonArray) {
        List<Message> ms = parse(jsonArray);
        for (int i = ms.size() - 1; i >= 0; i--) {
            if (ms.get(i).role().equals("user")) {
                return ms.get(i).content();
            }
        }
        return null;
    }
}

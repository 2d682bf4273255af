package dev.mlops.selection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.logs.Messages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the picked records as JSONL: chat (OpenAI fine-tuning messages), record (the original
 * record) or dpo (prompt, chosen, rejected, where the same prompt has a positively and a negatively
 * rated response among the candidates).
 */
public final class DatasetWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetWriter() {
    }

    /** The file's content, and how many lines it holds. */
    public record Written(String content, long lines) {
    }

    /** chat (OpenAI fine-tuning messages) or record (the original records) for the picked candidates. */
    public static Written write(Selection.Result r, String format, Redactor redactor) {
        StringBuilder sb = new StringBuilder();
        long lines = 0;
        for (Candidate c : r.picked()) {
            if (format.equals("record")) {
                sb.append(redactor.apply(c.raw())).append('\n');
            } else {
                sb.append(chat(c, redactor)).append('\n');
            }
            lines++;
        }
        return new Written(sb.toString(), lines);
    }

    /**
     * One fine-tuning example: the record's conversation when it holds a messages array (system,
     * user and assistant turns, those without text left out), else its prompt; then its response
     * as the last assistant turn. Never a null content.
     */
    static ObjectNode chat(Candidate c, Redactor redactor) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode m = o.putArray("messages");
        List<Messages.Message> conversation = List.of();
        if (c.raw() != null && c.raw().contains("\"messages\"")) {
            try {
                conversation = Messages.of(JSON.readTree(c.raw()).get("messages"));
            } catch (java.io.IOException e) {
                conversation = List.of();
            }
        }
        String last = null;
        for (Messages.Message msg : conversation) {
            if (List.of("system", "user", "assistant").contains(msg.role())) {
                m.addObject().put("role", msg.role()).put("content", redactor.apply(msg.content()));
                last = msg.role();
            }
        }
        if (last == null) {
            m.addObject().put("role", "user").put("content", redactor.apply(c.record().prompt()));
            last = "user";
        }
        String response = c.record().response();
        if (response != null && !response.isBlank() && !"assistant".equals(last)) {
            m.addObject().put("role", "assistant").put("content", redactor.apply(response));
        }
        return o;
    }

    /**
     * DPO lines for the chosen prompts, in the order of their seeded keys: the logs' own pair where
     * the prompt was rated both ways, else the preference file's.
     *
     * @param preferences prompt hash ({@link PreferencePairs#promptHash}) → {chosen, rejected}
     */
    public static Written dpo(Map<Long, PreferencePairs.Pair> pairs, Map<Long, String[]> preferences, long seed,
                              Redactor redactor) {
        List<Long> order = new java.util.ArrayList<>(pairs.keySet());
        order.sort(java.util.Comparator.comparingLong((Long h) -> PreferencePairs.mix(seed, h)).thenComparingLong(h -> h));
        StringBuilder sb = new StringBuilder();
        long lines = 0;
        for (long h : order) {
            PreferencePairs.Pair p = pairs.get(h);
            boolean fromLogs = p.chosen() != null && p.rejected() != null;
            String[] file = preferences.get(h);
            if (!fromLogs && file == null || p.any() == null) {
                continue;
            }
            ObjectNode o = JSON.createObjectNode();
            o.put("prompt", redactor.apply((fromLogs ? p.chosen() : p.any()).record().prompt()));
            o.put("chosen", redactor.apply(fromLogs ? p.chosen().record().response() : file[0]));
            o.put("rejected", redactor.apply(fromLogs ? p.rejected().record().response() : file[1]));
            sb.append(o).append('\n');
            lines++;
        }
        return new Written(sb.toString(), lines);
    }

    /** The output formats. */
    public static final List<String> FORMATS = List.of("chat", "record", "dpo");

    /** A preference file: JSONL of {prompt, chosen, rejected}; one-line errors name the file and line. */
    public static Map<Long, String[]> preferences(java.nio.file.Path file, String name) {
        Map<Long, String[]> out = new HashMap<>();
        dev.mlops.logs.JsonLines.read(file, name, (o, n) -> {
            for (String f : List.of("prompt", "chosen", "rejected")) {
                if (!o.path(f).isTextual()) {
                    throw new dev.mlops.logs.InputException(name + ":" + n + ": " + f + " is missing or not a string");
                }
            }
            out.putIfAbsent(PreferencePairs.promptHash(o.get("prompt").asText()),
                    new String[] {o.get("chosen").asText(), o.get("rejected").asText()});
        });
        return out;
    }
}

package dev.mlops.selection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    public static Written write(Selection.Result r, String format, Redactor redactor, String feedbackField) {
        return write(r, format, redactor, feedbackField, Map.of());
    }

    /**
     * @param preferences for dpo: normalised prompt → {chosen, rejected} from a preference file,
     *                    used for picked prompts the logs hold no rated pair for
     */
    public static Written write(Selection.Result r, String format, Redactor redactor, String feedbackField,
                                Map<String, String[]> preferences) {
        StringBuilder sb = new StringBuilder();
        long lines = 0;
        if (format.equals("dpo")) {
            Map<String, Candidate[]> byPrompt = new HashMap<>();
            for (Candidate c : r.pool()) {
                double f = c.record().number(feedbackField);
                if (Double.isNaN(f) || c.record().response() == null) {
                    continue;
                }
                Candidate[] pair = byPrompt.computeIfAbsent(Dedup.normalize(c.record().prompt()), k -> new Candidate[2]);
                int side = f > 0 ? 0 : 1;
                if (pair[side] == null) {
                    pair[side] = c;
                }
            }
            java.util.Set<String> done = new java.util.HashSet<>();
            for (Candidate c : r.picked()) {
                String p = Dedup.normalize(c.record().prompt());
                Candidate[] pair = byPrompt.get(p);
                String[] file = preferences.get(p);
                boolean fromLogs = pair != null && pair[0] != null && pair[1] != null;
                if (!fromLogs && file == null || !done.add(p)) {
                    continue;
                }
                ObjectNode o = JSON.createObjectNode();
                o.put("prompt", redactor.apply(c.record().prompt()));
                o.put("chosen", redactor.apply(fromLogs ? pair[0].record().response() : file[0]));
                o.put("rejected", redactor.apply(fromLogs ? pair[1].record().response() : file[1]));
                sb.append(o).append('\n');
                lines++;
            }
            return new Written(sb.toString(), lines);
        }
        for (Candidate c : r.picked()) {
            if (format.equals("record")) {
                sb.append(redactor.apply(c.raw())).append('\n');
            } else {
                ObjectNode o = JSON.createObjectNode();
                ArrayNode m = o.putArray("messages");
                m.addObject().put("role", "user").put("content", redactor.apply(c.record().prompt()));
                if (c.record().response() != null) {
                    m.addObject().put("role", "assistant").put("content", redactor.apply(c.record().response()));
                }
                sb.append(o).append('\n');
            }
            lines++;
        }
        return new Written(sb.toString(), lines);
    }

    /** The output formats. */
    public static final List<String> FORMATS = List.of("chat", "record", "dpo");

    /** A preference file: JSONL of {prompt, chosen, rejected}; one-line errors name the file and line. */
    public static Map<String, String[]> preferences(java.nio.file.Path file, String name) {
        Map<String, String[]> out = new HashMap<>();
        try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(file)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                com.fasterxml.jackson.databind.JsonNode o;
                try {
                    o = JSON.readTree(line);
                } catch (java.io.IOException e) {
                    throw new dev.mlops.logs.InputException(name + ":" + n + ": malformed JSON");
                }
                for (String f : List.of("prompt", "chosen", "rejected")) {
                    if (o == null || !o.path(f).isTextual()) {
                        throw new dev.mlops.logs.InputException(name + ":" + n + ": " + f + " is missing or not a string");
                    }
                }
                out.putIfAbsent(Dedup.normalize(o.get("prompt").asText()),
                        new String[] {o.get("chosen").asText(), o.get("rejected").asText()});
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new dev.mlops.logs.InputException(name + ": no such file");
        } catch (java.io.IOException e) {
            throw new dev.mlops.logs.InputException(name + ": " + e.getMessage());
        }
        return out;
    }
}

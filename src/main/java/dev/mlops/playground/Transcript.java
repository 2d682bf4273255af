package dev.mlops.playground;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.io.AppendLog;
import dev.mlops.selection.Redactor;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The playground's transcript: one mlops log record per turn (and per answer of a version it is
 * compared with), appended and forced to disk as the turn ends, so that analyze, drift, health and
 * select read it like any log. /flag and /good mark the last turn: its record, and the records
 * written after it, are written again in place (the file is cut back to where it began).
 */
public final class Transcript implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AppendLog log;
    private final Redactor redactor;
    private long lastTurnAt = -1;
    private final List<ObjectNode> sinceLastTurn = new ArrayList<>();

    public Transcript(Path file, Redactor redactor) throws IOException {
        this.log = new AppendLog(file);   // a record cut short by a crash is dropped: the next one starts a line
        this.redactor = redactor;
    }

    /** The record of one answer (or failure) of {@code target} to {@code request}. */
    ObjectNode record(Target target, Conversation c, String tester, Instant at, ObjectNode request, String question,
                      Reply r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("request_id", c.id() + "-" + c.turn() + (target.version() == null ? "" : "-" + target.version()));
        o.put("timestamp", at.toString());
        if (target.version() != null) {
            o.put("version", target.version());
        }
        o.put("model", target.model());
        o.put("stage", "playground");
        o.put("user", tester);
        o.put("conversation", c.id());
        o.put("turn", c.turn());
        ArrayNode messages = request.get("messages").deepCopy();
        messages.forEach(m -> ((ObjectNode) m).put("content", redactor.apply(m.path("content").asText())));
        o.set("messages", messages);
        o.put("prompt", redactor.apply(question));
        o.put("response", redactor.apply(r.content()));
        if (r.inputTokens() >= 0) {
            o.put("input_tokens", r.inputTokens());
        }
        if (r.outputTokens() >= 0) {
            o.put("output_tokens", r.outputTokens());
        }
        o.put("latency_ms", Math.round(r.latencyMs() * 10) / 10.0);
        if (!Double.isNaN(r.ttftMs())) {
            o.put("ttft_ms", Math.round(r.ttftMs() * 10) / 10.0);
        }
        if (r.finishReason() != null) {
            o.put("finish_reason", r.finishReason());
        }
        o.put("status", r.ok() ? "ok" : "error");
        if (!r.ok()) {
            o.put("error_type", r.errorType());
            o.put("error_message", r.message());
        }
        o.putArray("flags");
        o.putObject("feedback");
        return o;
    }

    /** Appends the record of a new turn; what follows it until the next turn can still be amended with it. */
    void turn(ObjectNode record) throws IOException {
        sinceLastTurn.clear();
        lastTurnAt = append(record);
    }

    /** Appends a record that belongs to the last turn (another version's answer). */
    void also(ObjectNode record) throws IOException {
        append(record);
    }

    private long append(ObjectNode record) throws IOException {
        sinceLastTurn.add(record);
        return log.append(record + "\n");
    }

    /** The last turn's record, to be changed by {@code edit} and written again; false when there is none. */
    boolean amend(java.util.function.Consumer<ObjectNode> edit) throws IOException {
        if (lastTurnAt < 0) {
            return false;
        }
        edit.accept(sinceLastTurn.get(0));
        StringBuilder sb = new StringBuilder();
        sinceLastTurn.forEach(r -> sb.append(r).append('\n'));
        log.rewrite(lastTurnAt, sb.toString());
        return true;
    }

    /** A new conversation: /flag and /good no longer reach the last one. */
    void endConversation() {
        lastTurnAt = -1;
        sinceLastTurn.clear();
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}

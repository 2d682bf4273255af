package dev.mlops.preference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The votes file of a judging run: each vote is appended as one JSONL line and forced to disk
 * before the next pair is shown, so a crash loses nothing; undo truncates the file back to before
 * the last vote of this run. A resumed run reads the ids this judge has voted on, after a vote that
 * a crash cut short is dropped.
 */
public final class VoteLog implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final dev.mlops.io.AppendLog log;
    private final Deque<Long> before = new ArrayDeque<>();

    /** Opens the log; a vote cut short by a crash is dropped, so that a run can resume (see AppendLog). */
    public VoteLog(Path file) throws IOException {
        log = new dev.mlops.io.AppendLog(file);
    }

    /** The ids that {@code judge} has voted on in {@code file}, for resuming. */
    public static Set<String> judged(Path file, String name, String judge) {
        Set<String> ids = new HashSet<>();
        if (Files.exists(file)) {
            dev.mlops.logs.JsonLines.read(file, name, (o, line) -> {
                if (judge.equals(o.path("judge").asText(null)) && o.hasNonNull("id")) {
                    ids.add(o.get("id").asText());
                }
            });
        }
        return ids;
    }

    /** Appends the vote and forces it to disk. */
    public void append(JudgeSession.Cast c, String judge, Instant at) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", c.pair().id());
        o.put("model_a", c.pair().modelA());
        o.put("model_b", c.pair().modelB());
        o.put("winner", switch (c.outcome()) {
            case A -> "model_a";
            case B -> "model_b";
            case TIE -> "tie";
            case TIE_BOTHBAD -> "tie (bothbad)";
        });
        o.put("first_shown", c.firstShown() == Vote.Side.A ? "model_a" : "model_b");
        o.put("judge", judge);
        if (c.pair().segment() != null) {
            o.put("segment", c.pair().segment());
        }
        o.put("timestamp", at.toString());
        o.put("length_a", c.pair().responseA().length());
        o.put("length_b", c.pair().responseB().length());
        before.push(log.append(JSON.writeValueAsString(o) + "\n"));
    }

    /** Removes this run's last vote from the file; false when this run has cast none. */
    public boolean undo() throws IOException {
        if (before.isEmpty()) {
            return false;
        }
        log.truncate(before.pop());
        return true;
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}

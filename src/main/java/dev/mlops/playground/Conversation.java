package dev.mlops.playground;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** One conversation: its id, the turns so far, the system prompt and the sampling the tester set. */
public final class Conversation {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Sampling as the registry gives it, changed with /temp and /max; null leaves it to the server. */
    public static final class Sampling {
        Double temperature;
        Double topP;
        Integer maxTokens;

        public Sampling(Double temperature, Double topP, Integer maxTokens) {
            this.temperature = temperature;
            this.topP = topP;
            this.maxTokens = maxTokens;
        }
    }

    private final PromptTemplate template;
    private final Sampling sampling;
    private final List<ObjectNode> messages = new ArrayList<>();
    private String system;
    private String id;
    private int turn;

    public Conversation(String id, PromptTemplate template, String system, Sampling sampling) {
        this.id = id;
        this.template = template;
        this.system = system != null ? system : template.system();
        this.sampling = sampling;
    }

    public String id() {
        return id;
    }

    public int turn() {
        return turn;
    }

    Sampling sampling() {
        return sampling;
    }

    void system(String text) {
        system = text.isBlank() ? null : text;
    }

    String system() {
        return system;
    }

    /** A new conversation: no turns, the same system prompt and sampling. */
    void reset(String newId) {
        id = newId;
        turn = 0;
        messages.clear();
    }

    /** The next turn's request: the conversation so far and the question, wrapped by the template. */
    ObjectNode ask(String question) {
        turn++;
        ObjectNode m = JSON.createObjectNode().put("role", "user").put("content", template.wrap(question));
        messages.add(m);
        return request();
    }

    /** The request for the last question again (for another version): the turns before its answer. */
    ObjectNode again() {
        return request();
    }

    private ObjectNode request() {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode all = body.putArray("messages");
        if (system != null) {
            all.addObject().put("role", "system").put("content", system);
        }
        messages.forEach(all::add);
        if (sampling.temperature != null) {
            body.put("temperature", sampling.temperature);
        }
        if (sampling.topP != null) {
            body.put("top_p", sampling.topP);
        }
        if (sampling.maxTokens != null) {
            body.put("max_tokens", sampling.maxTokens);
        }
        return body;
    }

    /** The answer becomes part of the conversation; a failed turn's question is taken back. */
    void answered(Reply r) {
        if (r.ok()) {
            messages.add(JSON.createObjectNode().put("role", "assistant").put("content", r.content()));
        } else if (!messages.isEmpty()) {
            messages.remove(messages.size() - 1);
        }
    }

    /** The conversation as the API sees it, for /save. */
    ArrayNode transcript() {
        return (ArrayNode) request().get("messages");
    }
}

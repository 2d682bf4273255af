package dev.mlops.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible server on 127.0.0.1 (a free port) for tests: it answers each request with
 * the next planned {@link Answer} (a recorded cassette from ../shared/data/openai-cassettes, or a
 * hand-written one), keeps the requests' bodies, and lists models on GET /models.
 */
public final class FakeOpenAi implements AutoCloseable {
    public static final Path CASSETTES = Paths.get("..", "shared", "data", "openai-cassettes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One planned answer. */
    public record Answer(int status, Map<String, String> headers, List<String> parts, long delayMs, long partDelayMs,
                         boolean hang) {
        public static Answer json(int status, String body) {
            return new Answer(status, Map.of("content-type", "application/json"), List.of(body), 0, 0, false);
        }

        public Answer after(long ms) {
            return new Answer(status, headers, parts, ms, partDelayMs, hang);
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> h = new java.util.HashMap<>(headers);
            h.put(name, value);
            return new Answer(status, Map.copyOf(h), parts, delayMs, partDelayMs, hang);
        }

        /** A stream of these SSE data payloads, then [DONE] unless {@code cut}. */
        public static Answer stream(List<String> payloads, boolean cut, long partDelayMs) {
            List<String> parts = new ArrayList<>();
            payloads.forEach(p -> parts.add("data: " + p + "\n\n"));
            if (!cut) {
                parts.add("data: [DONE]\n\n");
            }
            return new Answer(200, Map.of("content-type", "text/event-stream"), parts, 0, partDelayMs, false);
        }

        /** Never answers: the connection stays open, silent. */
        public static Answer silence() {
            return new Answer(200, Map.of(), List.of(), 0, 0, true);
        }
    }

    /** The recorded answer of a cassette, as the real server sent it. */
    public static Answer cassette(String name) throws IOException {
        JsonNode i = YAML.readTree(Files.readString(CASSETTES.resolve(name))).get("interactions").get(0).get("response");
        String body = i.get("body").get("string").asText();
        int status = i.get("status").get("code").asInt();
        String type = i.path("headers").path("Content-Type").path(0).asText("application/json");
        if (type.startsWith("text/event-stream")) {
            List<String> parts = new ArrayList<>();
            for (String event : body.split("\n\n")) {
                if (!event.isBlank()) {
                    parts.add(event.strip() + "\n\n");
                }
            }
            return new Answer(status, Map.of("content-type", type), parts, 0, 0, false);
        }
        return new Answer(status, Map.of("content-type", type), List.of(body), 0, 0, false);
    }

    /** A streamed answer of these tokens, with a usage chunk, as OpenAI sends one. */
    public static Answer tokens(String model, int promptTokens, String... tokens) {
        List<String> p = new ArrayList<>();
        p.add("{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"model\":\"" + model + "\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}],\"usage\":null}");
        for (String t : tokens) {
            p.add("{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                    + JSON.valueToTree(t) + "},\"finish_reason\":null}],\"usage\":null}");
        }
        p.add("{\"id\":\"x\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":null}");
        p.add("{\"id\":\"x\",\"choices\":[],\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":"
                + tokens.length + ",\"total_tokens\":" + (promptTokens + tokens.length) + "}}");
        return Answer.stream(p, false, 0);
    }

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Answer> plan = new ConcurrentLinkedDeque<>();
    private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorization = Collections.synchronizedList(new ArrayList<>());
    private volatile Answer fallback;
    private volatile List<String> models = List.of("gpt-4");

    public FakeOpenAi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-openai");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/v1/models", this::models);
        server.createContext("/v1/chat/completions", this::chat);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public FakeOpenAi then(Answer a) {
        plan.add(a);
        return this;
    }

    /** The answer to every request once the plan is used up. */
    public FakeOpenAi always(Answer a) {
        fallback = a;
        return this;
    }

    public FakeOpenAi models(String... names) {
        models = List.of(names);
        return this;
    }

    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    public List<String> authorization() {
        return List.copyOf(authorization);
    }

    private void models(HttpExchange x) throws IOException {
        StringBuilder sb = new StringBuilder("{\"object\":\"list\",\"data\":[");
        for (int i = 0; i < models.size(); i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":\"").append(models.get(i)).append("\",\"object\":\"model\"}");
        }
        byte[] b = sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("content-type", "application/json");
        x.sendResponseHeaders(200, b.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(b);
        }
    }

    private void chat(HttpExchange x) throws IOException {
        requests.add(JSON.readTree(x.getRequestBody()));
        authorization.add(x.getRequestHeaders().getFirst("authorization"));
        Answer a = plan.poll();
        if (a == null) {
            a = fallback;
        }
        if (a == null) {
            a = Answer.json(500, "{\"error\":{\"message\":\"no answer planned\",\"type\":\"server_error\"}}");
        }
        try {
            if (a.hang()) {
                Thread.sleep(60_000);
                return;
            }
            Thread.sleep(a.delayMs());
            a.headers().forEach((k, v) -> x.getResponseHeaders().add(k, v));
            boolean stream = a.headers().getOrDefault("content-type", "").startsWith("text/event-stream");
            x.sendResponseHeaders(a.status(), stream ? 0 : a.parts().stream().mapToInt(p -> p.getBytes(
                    StandardCharsets.UTF_8).length).sum());
            try (OutputStream o = x.getResponseBody()) {
                for (String p : a.parts()) {
                    o.write(p.getBytes(StandardCharsets.UTF_8));
                    o.flush();
                    if (a.partDelayMs() > 0) {
                        Thread.sleep(a.partDelayMs());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (cancelled, timed out): nothing to send to
        } finally {
            x.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

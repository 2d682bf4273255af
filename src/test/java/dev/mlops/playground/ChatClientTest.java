package dev.mlops.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chat client against a local server: the real recorded exchanges, then the failures a server has. */
class ChatClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private FakeOpenAi server;
    private final List<Duration> waits = new ArrayList<>();
    private ChatClient client;

    @BeforeEach
    void start() throws Exception {
        server = new FakeOpenAi();
        client = client(Duration.ofSeconds(10));
    }

    private ChatClient client(Duration timeout) {
        return new ChatClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), timeout,
                waits::add, new SplittableRandom(1), System::nanoTime);
    }

    @AfterEach
    void stop() {
        server.close();
        client.close();
    }

    private Target target() {
        return new Target("gpt-4", null, server.endpoint(), "gpt-4", "test_key");
    }

    private static ObjectNode ask(String text) {
        ObjectNode b = JSON.createObjectNode();
        b.putArray("messages").addObject().put("role", "user").put("content", text);
        return b;
    }

    private static void cassettes() {
        assumeTrue(Files.isDirectory(FakeOpenAi.CASSETTES), "skipped: ../shared/data/openai-cassettes is missing");
    }

    @Test
    void aRecordedStream_tokensAsTheyCome_theUsageFromTheLastChunk() throws Exception {
        cassettes();
        server.then(FakeOpenAi.cassette("test_chat_completion_streaming.yaml"));
        List<String> tokens = new ArrayList<>();
        Reply r = client.chat(target(), ask("Say this is a test"), true, tokens::add);
        assertTrue(r.ok(), r.message());
        assertEquals(List.of("\"This", " is", " a", " test", ".\""), tokens, "the role delta's empty content is no token");
        assertEquals("\"This is a test.\"", r.content());
        assertEquals("stop", r.finishReason());
        assertEquals(12, r.inputTokens());
        assertEquals(5, r.outputTokens());
        assertTrue(r.ttftMs() >= 0 && r.ttftMs() <= r.latencyMs(), r.ttftMs() + " " + r.latencyMs());
        var sent = server.requests().get(0);
        assertTrue(sent.get("stream").asBoolean() && sent.get("stream_options").get("include_usage").asBoolean(), sent.toString());
        assertEquals("gpt-4", sent.get("model").asText());
        assertEquals("Bearer test_key", server.authorization().get(0));
    }

    @Test
    void aRecordedPlainAnswer_andOneWithSeveralChoices() throws Exception {
        cassettes();
        server.then(FakeOpenAi.cassette("test_chat_completion_with_content.yaml"));
        Reply plain = client.chat(target(), ask("Say this is a test"), false, t -> { });
        assertTrue(plain.ok(), plain.message());
        assertEquals("This is a test.", plain.content());
        assertTrue(Double.isNaN(plain.ttftMs()), "no first token to time without a stream");
        assertTrue(plain.inputTokens() > 0 && plain.outputTokens() > 0);
        server.then(FakeOpenAi.cassette("test_chat_completion_multiple_choices_streaming.yaml"));
        StringBuilder shown = new StringBuilder();
        Reply many = client.chat(target(), ask("two"), true, shown::append);
        assertTrue(many.ok(), many.message());
        assertEquals(shown.toString(), many.content(), "only the first choice is shown and kept");
        assertFalse(many.content().isEmpty());
    }

    @Test
    void theRealModelNotFound_isOneLineWithTheServersMessage() throws Exception {
        cassettes();
        server.then(FakeOpenAi.cassette("test_chat_completion_404.yaml"));
        Reply r = client.chat(target(), ask("hi"), true, t -> { });
        assertFalse(r.ok());
        assertEquals("model_not_found", r.errorType());
        assertTrue(r.message().startsWith("HTTP 404: The model `this-model-does-not-exist` does not exist"), r.message());
        assertTrue(r.message().contains("(invalid_request_error, model_not_found)"), r.message());
        assertFalse(r.message().contains("\n"));
        assertEquals(1, r.attempts(), "a 404 is not retried");
    }

    @Test
    void a429_waitsWhatTheServerSays_thenSucceeds() throws Exception {
        String limited = "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}";
        server.then(FakeOpenAi.Answer.json(429, limited).withHeader("retry-after", "2"))
                .then(FakeOpenAi.Answer.json(429, limited).withHeader("retry-after-ms", "1500"))
                .then(FakeOpenAi.tokens("gpt-4", 3, "fine"));
        Reply r = client.chat(target(), ask("hi"), true, t -> { });
        assertTrue(r.ok(), r.message());
        assertEquals(3, r.attempts());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofMillis(1500)), waits);
    }

    @Test
    void a500_isRetriedTwiceWithBackoff_thenTheServersMessage() throws Exception {
        server.always(FakeOpenAi.Answer.json(500, "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}")
                .withHeader("retry-after", "600"));
        Reply r = client.chat(target(), ask("hi"), true, t -> { });
        assertFalse(r.ok());
        assertEquals(3, r.attempts(), "the first try and two more");
        assertEquals("server_error", r.errorType());
        assertEquals("HTTP 500: The server had an error (server_error)", r.message());
        assertEquals(2, waits.size());
        // retry-after 600 s is past 60 s: ignored; min(0.5·2ⁿ, 8) s less up to a quarter
        assertTrue(waits.get(0).toMillis() >= 375 && waits.get(0).toMillis() <= 500, waits.toString());
        assertTrue(waits.get(1).toMillis() >= 750 && waits.get(1).toMillis() <= 1000, waits.toString());
    }

    @Test
    void aStreamCutBeforeDone_keepsWhatCame_andSaysSo() throws Exception {
        FakeOpenAi.Answer whole = FakeOpenAi.tokens("gpt-4", 3, "half", " an", " answer");
        List<String> first = new ArrayList<>();
        for (String p : whole.parts().subList(0, 3)) {
            first.add(p.substring("data: ".length()).strip());
        }
        server.then(FakeOpenAi.Answer.stream(first, true, 0));
        Reply r = client.chat(target(), ask("hi"), true, t -> { });
        assertEquals("stream_cut", r.errorType());
        assertEquals("half an", r.content());
        assertEquals(-1, r.inputTokens(), "no usage came: unknown, not a guess");
    }

    @Test
    void aSlowFirstToken_isTimedHere() throws Exception {
        FakeOpenAi.Answer slow = FakeOpenAi.tokens("gpt-4", 3, "late");
        server.then(new FakeOpenAi.Answer(200, slow.headers(), slow.parts(), 0, 150, false));
        Reply r = client.chat(target(), ask("hi"), true, t -> { });
        assertTrue(r.ok(), r.message());
        assertTrue(r.ttftMs() >= 140, "the role delta, then 150 ms to the first token: " + r.ttftMs());
        assertTrue(r.latencyMs() >= r.ttftMs() + 400, "three more pauses after it: " + r.latencyMs());
    }

    @Test
    void aServerThatNeverAnswers_timesOut_andOneThatIsDownIsUnavailable() throws Exception {
        server.then(FakeOpenAi.Answer.silence());
        try (ChatClient impatient = client(Duration.ofSeconds(1))) {
            Reply r = impatient.chat(target(), ask("hi"), true, t -> { });
            assertEquals("timeout", r.errorType());
            assertTrue(r.latencyMs() >= 900 && r.latencyMs() < 5000, "" + r.latencyMs());
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Target down = new Target("x", null, "http://127.0.0.1:" + port + "/v1", "x", null);
        ChatClient.Unavailable e = assertThrows(ChatClient.Unavailable.class, () -> client.chat(down, ask("hi"), true,
                t -> { }));
        assertTrue(e.getMessage().startsWith("http://127.0.0.1:" + port + "/v1 does not answer"), e.getMessage());
        assertEquals(2, waits.size(), "tried three times");
    }

    @Test
    void aStreamThatFallsSilent_isCutAtTheReadTimeout() throws Exception {
        FakeOpenAi.Answer stalls = FakeOpenAi.tokens("gpt-4", 3, "a", "b");
        server.then(new FakeOpenAi.Answer(200, stalls.headers(), stalls.parts(), 0, 1500, false));
        try (ChatClient impatient = client(Duration.ofSeconds(1))) {
            Reply r = impatient.chat(target(), ask("hi"), true, t -> { });
            assertEquals("timeout", r.errorType());
            assertTrue(r.message().contains("silent"), r.message());
        }
    }

    @Test
    void cancel_stopsTheAnswer_keepingWhatCame() throws Exception {
        FakeOpenAi.Answer slow = FakeOpenAi.tokens("gpt-4", 3, "one", " two", " three", " four");
        server.then(new FakeOpenAi.Answer(200, slow.headers(), slow.parts(), 0, 200, false));
        List<String> got = new ArrayList<>();
        Reply r = client.chat(target(), ask("hi"), true, t -> {
            got.add(t);
            if (got.size() == 2) {
                new Thread(client::cancel).start();
            }
        });
        assertTrue(r.ok());
        assertEquals("cancelled", r.finishReason());
        assertTrue(r.content().startsWith("one two") && !r.content().contains("four"), r.content());
    }
}

package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.playground.ChatClient;
import dev.mlops.playground.Conversation;
import dev.mlops.playground.FakeOpenAi;
import dev.mlops.playground.PromptTemplate;
import dev.mlops.playground.Repl;
import dev.mlops.playground.Target;
import dev.mlops.playground.Transcript;
import dev.mlops.selection.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive playground: on jline's terminal over streams (Ctrl-C stops an answer), and for real in tmux. */
class PlaygroundTerminalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void ctrlCStopsTheAnswer_notThePlayground_andHistoryIsKept() throws Exception {
        try (FakeOpenAi server = new FakeOpenAi()) {
            FakeOpenAi.Answer slow = FakeOpenAi.tokens("gpt-4", 3, "one", " two", " three", " four", " five");
            server.then(new FakeOpenAi.Answer(200, slow.headers(), slow.parts(), 0, 300, false))
                    .then(FakeOpenAi.tokens("gpt-4", 3, "fast"));
            PipedOutputStream keys = new PipedOutputStream();
            PipedInputStream in = new PipedInputStream(keys);
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            Target target = new Target("gpt-4", null, server.endpoint(), "gpt-4", null);
            Path history = dir.resolve("history");
            // jline's line discipline in Java: Ctrl-C typed on it raises INT, as a terminal's driver would
            try (Terminal t = new org.jline.terminal.impl.ExternalTerminal("test", "xterm", in, screen,
                    StandardCharsets.UTF_8);
                 ChatClient client = new ChatClient(HttpClient.newHttpClient(), Duration.ofSeconds(10), d -> { },
                         new SplittableRandom(1), System::nanoTime);
                 Transcript transcript = new Transcript(dir.resolve("t.jsonl"), new Redactor(List.of()))) {
                Repl.Setup setup = new Repl.Setup(target, null, true, 100, "ann", Clock.systemUTC(), v -> {
                    throw new IllegalArgumentException("none");
                }, dir::resolve);
                Conversation c = new Conversation("pg-test", PromptTemplate.none(), null,
                        new Conversation.Sampling(null, null, null));
                Throwable[] failed = new Throwable[1];
                Thread typist = new Thread(() -> {
                    try {
                        type(keys, "hello\r");
                        waitFor(screen, "one two");
                        keys.write(3);   // Ctrl-C while the answer streams
                        keys.flush();
                        waitFor(screen, "cancelled");
                        type(keys, "again\r");
                        waitFor(screen, "fast");
                        type(keys, "/quit\r");
                    } catch (Throwable e) {
                        failed[0] = e;
                        try {
                            keys.close();   // the end of input: the loop ends, the test reports why
                        } catch (java.io.IOException ignored) {
                            // closed
                        }
                    }
                });
                typist.start();
                Repl.Outcome o = PlaygroundTerminal.run(w -> new Repl(setup, client, c, transcript, null, w, false,
                        at -> "pg-next"), client, t, history);
                typist.join(TimeUnit.SECONDS.toMillis(20));
                if (failed[0] != null) {
                    throw new AssertionError(failed[0]);
                }
                assertEquals(2, o.turns());
                assertEquals(0, o.failed());
            }
            List<String> lines = Files.readAllLines(dir.resolve("t.jsonl"));
            JsonNode first = JSON.readTree(lines.get(0));
            assertEquals("cancelled", first.get("finish_reason").asText());
            assertTrue(!first.get("response").asText().contains("five"), first.toString());
            assertEquals("fast", JSON.readTree(lines.get(1)).get("response").asText(), "the playground went on");
            String h = Files.readString(history);
            assertTrue(h.contains("hello") && h.contains("again"), "history: " + h);
        }
    }

    private static void type(PipedOutputStream keys, String s) throws Exception {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            keys.write(b);
            keys.flush();
            Thread.sleep(5);
        }
    }

    private static void waitFor(ByteArrayOutputStream screen, String text) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            if (screen.toString(StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("never shown: " + text + "\n" + screen.toString(StandardCharsets.UTF_8));
    }

    /** The real program in tmux against the local server: type, read the pane, /good, /quit. */
    @Test
    void theRealProgramInTmux() throws Exception {
        assumeTrue(new ProcessBuilder("tmux", "-V").start().waitFor() == 0, "skipped: tmux is not installed");
        try (FakeOpenAi server = new FakeOpenAi()) {
            server.then(FakeOpenAi.tokens("gpt-4", 7, "Hello", " from", " the", " server."));
            FakeOpenAi.Answer slow = FakeOpenAi.tokens("gpt-4", 7, "Slowly,", " word", " by", " word", " by", " word");
            server.then(new FakeOpenAi.Answer(200, slow.headers(), slow.parts(), 0, 700, false));
            String session = "mlops-playground-" + ProcessHandle.current().pid();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String cmd = String.join(" ", "cd", dir.toString(), "&&", "HOME=" + dir, java, "-cp",
                    System.getProperty("java.class.path"), "dev.mlops.Main", "playground", "--endpoint",
                    server.endpoint(), "--model", "gpt-4", "--transcript", "t.jsonl", "--tester", "tmux-user",
                    "2>err.txt", "; echo done-now; sleep 60");
            JudgeCommandTest.tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", cmd);
            try {
                JudgeCommandTest.waitFor(session, "gpt-4>");
                JudgeCommandTest.tmux("send-keys", "-t", session, "what is new?", "Enter");
                String pane = JudgeCommandTest.waitFor(session, "7 → 4 tokens · stop");
                assertTrue(pane.contains("Hello from the server."), pane);
                JudgeCommandTest.tmux("send-keys", "-t", session, "/good", "Enter");
                JudgeCommandTest.waitFor(session, "marked good");
                JudgeCommandTest.tmux("send-keys", "-t", session, "tell me slowly", "Enter");
                JudgeCommandTest.waitFor(session, "Slowly,");
                JudgeCommandTest.tmux("send-keys", "-t", session, "C-c");
                JudgeCommandTest.waitFor(session, "· cancelled]");
                JudgeCommandTest.tmux("send-keys", "-t", session, "/quit", "Enter");
                JudgeCommandTest.waitFor(session, "done-now");
            } finally {
                new ProcessBuilder("tmux", "kill-session", "-t", session).start().waitFor();
            }
            List<String> records = Files.readAllLines(dir.resolve("t.jsonl"));
            assertEquals("cancelled", JSON.readTree(records.get(1)).get("finish_reason").asText(), "Ctrl-C for real");
            JsonNode r = JSON.readTree(records.get(0));
            assertEquals("what is new?", r.get("prompt").asText());
            assertEquals("tmux-user", r.get("user").asText());
            assertEquals(1, r.get("feedback").get("thumbs").asInt());
            assertTrue(Files.readString(dir.resolve(".mlops/playground_history")).contains("what is new?"));
        }
    }
}

package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.preference.JudgeSession;
import dev.mlops.preference.Pair;
import dev.mlops.preference.VoteLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mlops judge: with --script keys, in jline's terminal over streams, and the real program in tmux. */
class JudgeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path pairs(int n) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(JSON.writeValueAsString(java.util.Map.of("id", "p" + i, "prompt", "What is " + i + " + " + i + "?",
                    "model_a", "v11", "response_a", "It is " + (2 * i) + ".", "model_b", "v12",
                    "response_b", "The answer is " + (2 * i) + ", because " + "adding the two numbers gives it. ".repeat(8))))
                    .append('\n');
        }
        return Files.writeString(dir.resolve("pairs.jsonl"), sb);
    }

    private List<JsonNode> votes() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("votes.jsonl"))) {
            out.add(JSON.readTree(l));
        }
        return out;
    }

    private Cli.Result script(String keys, String... more) throws IOException {
        Files.writeString(dir.resolve("keys"), keys);
        List<String> args = new ArrayList<>(List.of("judge", "pairs.jsonl", "-o", "votes.jsonl", "--script", "keys",
                "--judge", "ann"));
        args.addAll(List.of(more));
        return Cli.run(Cli.env(dir), args.toArray(new String[0]));
    }

    @Test
    void votesAreWrittenAsTheyAreCast_undoTakesTheLastBack_andARunResumes() throws IOException {
        pairs(3);
        Cli.Result r = script("1s2u1");
        assertEquals(0, r.exit(), r.toString());
        List<JsonNode> v = votes();
        assertEquals(2, v.size(), "p0, then p2 (p1 skipped); the vote undone is gone from the file");
        assertEquals("p0", v.get(0).get("id").asText());
        assertEquals("p2", v.get(1).get("id").asText());
        JsonNode first = v.get(0);
        String left = first.get("first_shown").asText();
        assertEquals(left, first.get("winner").asText(), "1 is the left one, the one shown first");
        assertTrue(r.out().contains("undone: your last vote is taken back"), r.out());
        assertTrue(r.out().contains("mlops judge   1 / 3"), "the progress line: " + r.out());
        assertTrue(r.err().contains("2 votes written to votes.jsonl (2 / 3 judged)"), r.err());
        Cli.Result resumed = script("t");
        assertEquals(0, resumed.exit(), resumed.toString());
        assertTrue(resumed.out().contains("mlops judge   2 / 3"), "resumed at p1: " + resumed.out());
        assertEquals("tie", votes().get(2).get("winner").asText());
        assertEquals("p1", votes().get(2).get("id").asText());
        assertTrue(resumed.out().contains("all 3 pairs judged"), resumed.out());
        Cli.Result compare = Cli.run(Cli.env(dir), "compare", "votes.jsonl", "--bootstrap", "0", "--format", "json");
        assertEquals(3, JSON.readTree(compare.out()).get("votes").asLong(), "compare reads judge's votes");
    }

    /** A crash inside a write leaves half a vote: the next run drops it and resumes after the whole ones. */
    @Test
    void aVoteCutShortByACrashIsDropped_andTheRunResumes() throws IOException {
        pairs(3);
        Files.writeString(dir.resolve("votes.jsonl"), "{\"id\":\"p0\",\"model_a\":\"v11\",\"model_b\":\"v12\","
                + "\"winner\":\"tie\",\"judge\":\"ann\"}\n{\"id\":\"p1\",\"model_a\":\"v1");
        Cli.Result r = script("t");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("mlops judge   1 / 3"), "p0 counts, the cut p1 does not: " + r.out());
        List<JsonNode> v = votes();
        assertEquals(2, v.size());
        assertEquals("p1", v.get(1).get("id").asText());
    }

    @Test
    void responsesAreSideBySideFrom120Columns_andStackedBelow() throws IOException {
        pairs(1);
        Env wide = new Env(Cli.env(dir).fs(), dir, java.util.Map.of(), new java.io.ByteArrayInputStream(new byte[0]),
                new dev.mlops.cli.Terminal(false, false, false, 140), java.time.Clock.systemUTC(), Cli.env(dir).http());
        Files.writeString(dir.resolve("keys"), "q");
        Cli.Result r = Cli.run(wide, "judge", "pairs.jsonl", "-o", "votes.jsonl", "--script", "keys");
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("[1] ") && l.contains(" | [2] ")), r.out());
        Cli.Result narrow = script("q");
        assertTrue(narrow.out().lines().anyMatch(l -> l.startsWith("[1] ")) && narrow.out().lines()
                .anyMatch(l -> l.startsWith("[2] ")), "stacked at 100 columns: " + narrow.out());
        assertTrue(narrow.out().contains("stopped at 0 / 1"), narrow.out());
    }

    @Test
    void withoutATerminalItIsExitTwo() throws IOException {
        pairs(1);
        Cli.Result r = Cli.run(Cli.env(dir), "judge", "pairs.jsonl", "-o", "votes.jsonl");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().startsWith("mlops: judge needs a terminal"), r.err());
        Files.writeString(dir.resolve("bad.jsonl"), "{\"id\":\"x\",\"prompt\":\"p\"}\n");
        Files.writeString(dir.resolve("keys"), "q");
        Cli.Result bad = Cli.run(Cli.env(dir), "judge", "bad.jsonl", "-o", "votes.jsonl", "--script", "keys");
        assertEquals(3, bad.exit(), bad.toString());
        assertEquals("mlops: bad.jsonl:1: model_a is missing\n", bad.err());
    }

    /** The UI on a jline terminal over streams: keys in, the screen out, as a terminal would show it. */
    @Test
    void theUiRunsOnAJlineTerminal() throws Exception {
        pairs(2);
        List<Pair> list = new ArrayList<>();
        dev.mlops.logs.JsonLines.read(dir.resolve("pairs.jsonl"), "pairs.jsonl", (o, line) -> list.add(Pair.of(o)));
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal t = TerminalBuilder.builder().system(false).streams(in, screen).type("xterm")
                .encoding(StandardCharsets.UTF_8).size(new Size(130, 30)).build();
             VoteLog log = new VoteLog(dir.resolve("votes.jsonl"))) {
            JudgeSession session = new JudgeSession(list, Set.of(), 3);
            Thread typist = new Thread(() -> {
                try {
                    for (byte b : "?j2\u001b[A1".getBytes(StandardCharsets.US_ASCII)) {
                        keys.write(b);
                        keys.flush();
                        Thread.sleep(20);
                    }
                    keys.close();
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            typist.start();
            int cast = JudgeUi.run(t, session, log, "ann", java.time.Clock.systemUTC());
            typist.join(TimeUnit.SECONDS.toMillis(10));
            assertEquals(2, cast);
        }
        String shown = screen.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "\n");
        assertTrue(shown.contains("Pick the better response."), "? shows the help: " + shown);
        assertTrue(shown.lines().anyMatch(l -> l.contains(" | [2] ")), "side by side at 130 columns: " + shown);
        assertEquals(2, votes().size());
    }

    /** The real program in a real terminal: tmux runs mlops judge, and the test types and reads the pane. */
    @Test
    void theRealProgramInTmux() throws Exception {
        assumeTrue(new ProcessBuilder("tmux", "-V").start().waitFor() == 0, "skipped: tmux is not installed");
        pairs(2);
        String session = "mlops-judge-" + ProcessHandle.current().pid();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = String.join(" ", "cd", dir.toString(), "&&", java, "-cp", System.getProperty("java.class.path"),
                "dev.mlops.Main", "judge", "pairs.jsonl", "-o", "votes.jsonl", "--judge", "tmux-user", "2>err.txt",
                "; sleep 60");  // the pane stays after mlops exits, so that its last screen can be read
        tmux("new-session", "-d", "-s", session, "-x", "130", "-y", "35", cmd);
        try {
            String pane = waitFor(session, "mlops judge   0 / 2");
            assertTrue(pane.lines().anyMatch(l -> l.contains(" | [2] ")), "side by side in a 130-column terminal:\n" + pane);
            tmux("send-keys", "-t", session, "1");
            waitFor(session, "mlops judge   1 / 2");
            tmux("send-keys", "-t", session, "b");
            waitFor(session, "all 2 pairs judged");
        } finally {
            new ProcessBuilder("tmux", "kill-session", "-t", session).start().waitFor();
        }
        List<JsonNode> v = votes();
        assertEquals(2, v.size());
        assertEquals("tmux-user", v.get(0).get("judge").asText());
        assertEquals("tie (bothbad)", v.get(1).get("winner").asText());
    }

    static void tmux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "tmux " + String.join(" ", args) + ": " + out);
    }

    static String waitFor(String session, String text) throws Exception {
        String pane = "";
        for (int i = 0; i < 300; i++) {
            Process p = new ProcessBuilder("tmux", "capture-pane", "-p", "-t", session).start();
            pane = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            if (pane.contains(text)) {
                // no pause before the next key: a key sent the moment the screen is drawn must not be lost (jline's
                // blocking read dropped one in about a third of runs; JudgeUi polls instead)
                Thread.sleep(Long.getLong("judge.settle.ms", 0));
                return pane;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the pane never showed \"" + text + "\":\n" + pane);
    }
}

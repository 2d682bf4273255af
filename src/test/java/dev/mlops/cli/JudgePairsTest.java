package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mlops judge pairs: pairs from logs where both versions answered the same prompt. */
class JudgePairsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** 60 prompts: 40 answered by both versions (in other words' case and spacing), 10 only by v11, 10 only by v12. */
    private void log() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            String prompt = "How do I export report " + i + "?";
            if (i < 50) {
                sb.append(line("v11", prompt, "Open reports, pick " + i + ", export.", 20 + 30 * i, "t" + i));
            }
            if (i < 40 || i >= 50) {
                sb.append(line("v12", "  " + prompt.toUpperCase(java.util.Locale.ROOT) + " ", "Go to report " + i, 25, "t" + i));
            }
        }
        sb.append(line("v12", "How do I export report 3?", "A second answer", 25, "t3"));
        Files.writeString(dir.resolve("logs.jsonl"), sb);
    }

    private static String line(String v, String prompt, String response, int tokens, String ticket) throws IOException {
        return JSON.writeValueAsString(java.util.Map.of("version", v, "prompt", prompt, "response", response,
                "output_tokens", tokens, "input_tokens", 10, "ticket", ticket)) + "\n";
    }

    private List<JsonNode> pairs(String file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve(file))) {
            out.add(JSON.readTree(l));
        }
        return out;
    }

    @Test
    void matchesNormalisedPrompts_samplesN_reproducibly() throws IOException {
        log();
        Cli.Result r = Cli.run(Cli.env(dir), "judge", "pairs", "logs.jsonl", "--a", "v11", "--b", "v12", "-n", "10",
                "-o", "pairs.jsonl");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("10 pairs of 40 prompts that both v11 and v12 answered"), r.err());
        List<JsonNode> p = pairs("pairs.jsonl");
        assertEquals(10, p.size());
        for (JsonNode x : p) {
            int i = Integer.parseInt(x.get("prompt").asText().replaceAll("\\D", ""));
            assertTrue(i < 40, "only prompts both answered: " + x);
            assertEquals("v11", x.get("model_a").asText());
            assertTrue(x.get("response_a").asText().contains(Integer.toString(i)), x.toString());
        }
        Cli.Result again = Cli.run(Cli.env(dir), "judge", "pairs", "logs.jsonl", "--a", "v11", "--b", "v12", "-n", "10",
                "-o", "again.jsonl");
        assertEquals(Files.readString(dir.resolve("pairs.jsonl")), Files.readString(dir.resolve("again.jsonl")));
        Cli.Result other = Cli.run(Cli.env(dir), "judge", "pairs", "logs.jsonl", "--a", "v11", "--b", "v12", "-n", "10",
                "--seed", "5", "-o", "other.jsonl");
        assertEquals(0, other.exit());
        assertNotEquals(Files.readString(dir.resolve("pairs.jsonl")), Files.readString(dir.resolve("other.jsonl")));
        // the pairs go straight into mlops judge
        Files.writeString(dir.resolve("keys"), "12tb");
        Cli.Result judged = Cli.run(Cli.env(dir), "judge", "pairs.jsonl", "-o", "votes.jsonl", "--script", "keys");
        assertEquals(0, judged.exit(), judged.toString());
        assertEquals(4, Files.readAllLines(dir.resolve("votes.jsonl")).size());
    }

    /** Stratified by select's bins: 10 of 40 prompts whose lengths rise evenly fall 1, 4, 4, 1 into p0-p10-p50-p90-p99. */
    @Test
    void samplesInProportionToTheLengthBins() throws IOException {
        log();
        Cli.run(Cli.env(dir), "judge", "pairs", "logs.jsonl", "--a", "v11", "--b", "v12", "-n", "10", "-o", "pairs.jsonl");
        int[] bins = new int[4];
        for (JsonNode x : pairs("pairs.jsonl")) {
            int i = Integer.parseInt(x.get("prompt").asText().replaceAll("\\D", ""));
            // v11's tokens are 30 + 30 i: the p10, p50 and p90 of i = 0..39 are 3.9, 19.5 and 35.1
            bins[i <= 3 ? 0 : i <= 19 ? 1 : i <= 35 ? 2 : 3]++;
        }
        assertEquals("[1, 4, 4, 1]", java.util.Arrays.toString(bins));
    }

    @Test
    void matchOnAField_andNoMatchIsExitThree() throws IOException {
        log();
        Cli.Result r = Cli.run(Cli.env(dir), "judge", "pairs", "logs.jsonl", "--a", "v11", "--b", "v12", "-n", "100",
                "--match", "ticket", "-o", "pairs.jsonl");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(40, pairs("pairs.jsonl").size(), "tickets t0..t39 were answered by both");
        Cli.Result none = Cli.run(Cli.env(dir), "judge", "pairs", "logs.jsonl", "--a", "v11", "--b", "v99", "-o", "x.jsonl");
        assertEquals(3, none.exit(), none.toString());
        assertTrue(none.err().contains("no prompt was answered by both v11 and v99"), none.err());
        assertEquals(2, Cli.run(Cli.env(dir), "judge").exit(), "judge without PAIRS and -o is a usage error");
    }
}

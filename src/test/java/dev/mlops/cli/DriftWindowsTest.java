package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user broke in drift's windows: each case compared a window with itself, or hid an empty one. */
class DriftWindowsTest {
    @TempDir
    Path dir;

    private Cli.Result run(String... args) {
        return Cli.run(Cli.env(dir), args);
    }

    /** Hourly records: {@code counts[h]} records in hour h of 2026-11-01 (0 leaves the hour empty). */
    private Path hourly(String name, int... counts) throws IOException {
        StringBuilder sb = new StringBuilder();
        Random rnd = new Random(3);
        for (int h = 0; h < counts.length; h++) {
            for (int i = 0; i < counts[h]; i++) {
                sb.append(String.format(Locale.ROOT, "{\"timestamp\":\"2026-11-01T%02d:%02d:%02dZ\",\"output_tokens\":%d,"
                        + "\"latency_ms\":%.1f,\"prompt\":\"what is the refund policy %d\"}%n", h, (i * 7) % 60, i % 60,
                        40 + rnd.nextInt(20), 900 + rnd.nextGaussian() * 50, i % 5));
            }
        }
        return Files.writeString(dir.resolve(name), sb);
    }

    @Test
    void shouldRefuseAnEmptyBaselineOrCurrentWindow_namingIt() throws IOException {
        hourly("log.jsonl", 300, 300);
        Cli.Result before = run("drift", "log.jsonl", "--baseline-until", "2026-10-01");
        assertEquals(3, before.exit(), before.toString());
        assertTrue(before.err().contains("the baseline window (before 2026-10-01T00:00:00Z) holds no record"),
                before.err());
        Cli.Result after = run("drift", "log.jsonl", "--current-since", "2026-12-01");
        assertEquals(3, after.exit(), after.toString());
        assertTrue(after.err().contains("the current window (from 2026-12-01T00:00:00Z) holds no record"), after.err());
    }

    @Test
    void shouldRefuseBaselineAndCurrent_togetherWithALog() throws IOException {
        hourly("a.jsonl", 200);
        hourly("b.jsonl", 200);
        Cli.Result r = run("drift", "a.jsonl", "--baseline", "a.jsonl", "--current", "b.jsonl");
        assertEquals(2, r.exit(), r.toString());
    }

    @Test
    void shouldSayThatARulesFileDoesNotExist() throws IOException {
        hourly("log.jsonl", 300, 300);
        Cli.Result r = run("drift", "log.jsonl", "--baseline-until", "2026-11-01T01:00:00Z", "--rules", "nope.yaml");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("nope.yaml: no such file"), r.err());
    }

    /** A short first window is not the baseline; later empty windows are listed as empty. */
    @Test
    void shouldTakeTheFirstFullWindowAsBaseline_andShowEmptyWindows() throws IOException {
        hourly("log.jsonl", 20, 300, 300, 0, 300);
        Cli.Result r = run("drift", "log.jsonl", "--window", "1h", "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode groups = new ObjectMapper().readTree(r.out()).get("groups");
        assertEquals(3, groups.size(), r.out());
        assertEquals("2026-11-01T02:00:00Z", groups.get(0).get("window").asText());
        assertEquals(300, groups.get(0).get("n_baseline").asLong(), "the baseline is hour 1, with 300 records");
        assertEquals(0, groups.get(1).get("n_current").asLong(), "hour 3 is empty, and listed");
        Cli.Result table = run("drift", "log.jsonl", "--window", "1h");
        assertTrue(table.out().contains("2026-11-01T03:00:00Z  0") && table.out().contains("empty"), table.out());
    }

    @Test
    void shouldPrintWindowDetailsOnlyWithDetails_andExplainTermCounts() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int h = 0; h < 3; h++) {
            for (int i = 0; i < 300; i++) {
                String prompt = h == 2 && i % 2 == 0 ? "cancel my subscription now please" : "what is the refund policy";
                sb.append(String.format(Locale.ROOT, "{\"timestamp\":\"2026-11-01T%02d:%02d:00Z\",\"output_tokens\":%d,"
                        + "\"prompt\":\"%s\"}%n", h, i % 60, h == 2 ? 200 + i % 9 : 40 + i % 9, prompt));
            }
        }
        Files.writeString(dir.resolve("d.jsonl"), sb);
        Cli.Result plain = run("drift", "d.jsonl", "--window", "1h");
        assertTrue(plain.out().contains("DRIFT"), plain.out());
        assertFalse(plain.out().contains("rising terms"), "details only with --details:\n" + plain.out());
        Cli.Result details = run("drift", "d.jsonl", "--window", "1h", "--details");
        assertTrue(details.out().contains("rising terms (counts are documents that hold the term, not occurrences)"),
                details.out());
    }

    /** A KS D from sketches says so in the JSON, and gives how far it can be from the exact D. */
    @Test
    void shouldGiveTheBoundOfASketchBasedD() throws IOException {
        hourly("log.jsonl", 400, 400);
        Cli.Result r = run("drift", "log.jsonl", "--baseline-until", "2026-11-01T01:00:00Z", "--exact-limit", "50",
                "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode latency = null;
        for (JsonNode f : new ObjectMapper().readTree(r.out()).get("groups").get(0).get("features")) {
            if (f.get("feature").asText().equals("latency_ms")) {
                latency = f;
            }
        }
        assertEquals("sketch", latency.get("method").asText(), latency.toString());
        assertTrue(latency.get("statistic_bound").asDouble() > 0.001, latency.toString());
        Cli.Result exact = run("drift", "log.jsonl", "--baseline-until", "2026-11-01T01:00:00Z", "--format", "json");
        assertFalse(exact.out().contains("statistic_bound"), "an exact D has no bound");
    }
}

package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollapseCommandTest {
    @TempDir
    Path dir;

    /** days of traffic for v1 (stable) and v2 (clicks 20%→35%, thumbs-up 75%→55%), 600 requests a day each. */
    private Path log() throws IOException {
        SplittableRandom r = new SplittableRandom(9);
        StringBuilder sb = new StringBuilder();
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        for (int d = 0; d < 14; d++) {
            double f = d / 13.0;
            for (String v : new String[] {"v1", "v2"}) {
                double click = v.equals("v1") ? 0.2 : 0.2 + 0.15 * f;
                double up = v.equals("v1") ? 0.75 : 0.75 - 0.2 * f;
                for (int i = 0; i < 600; i++) {
                    sb.append(String.format(Locale.ROOT, "{\"timestamp\":\"%s\",\"version\":\"%s\",\"output_tokens\":%d,"
                                    + "\"response\":\"answer %d for you\",\"feedback\":{\"clicked\":%d,\"thumbs\":%d,\"ctr\":%d}}%n",
                            t0.plusSeconds(86_400L * d + i * 60L), v, 80 + r.nextInt(40), r.nextInt(1000),
                            r.nextDouble() < click ? 1 : 0, r.nextDouble() < up ? 1 : -1, r.nextInt(2)));
                }
            }
        }
        return Files.writeString(dir.resolve("feedback.jsonl"), sb);
    }

    @Test
    void shouldSuspectCollapse_inTheVersionThatGamesItsProxy_withEvidence() throws IOException {
        log();
        Env env = Cli.env(dir);
        Cli.Result r = Cli.run(env, "collapse", "feedback.jsonl", "--window", "1d", "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("mlops.collapse/v1", j.get("schema").asText());
        assertEquals("ok", j.get("groups").get(0).get("verdict").asText(), "v1 is stable");
        JsonNode v2 = j.get("groups").get(1);
        assertEquals("collapse suspected", v2.get("verdict").asText());
        assertEquals(14, v2.get("windows").size());
        boolean divergence = false;
        for (JsonNode s : v2.get("signals")) {
            if (s.get("name").asText().equals("divergence")) {
                divergence = s.get("fired").asBoolean();
                assertTrue(s.get("evidence").asText().startsWith("over 14 windows from 2026-11-01T00:00:00Z"),
                        s.get("evidence").asText());
            }
        }
        assertTrue(divergence);
        Cli.Result table = Cli.run(env, "collapse", "feedback.jsonl", "--window", "1d", "--fail-on-collapse");
        assertEquals(1, table.exit());
        assertTrue(table.out().contains("SIGNAL divergence: over 14 windows"), table.out());
    }

    @Test
    void shouldCompareVersions_withIntervals() throws IOException {
        log();
        Cli.Result r = Cli.run(Cli.env(dir), "collapse", "feedback.jsonl", "--against", "v1", "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode v2 = new ObjectMapper().readTree(r.out()).get("groups").get(1);
        JsonNode c = v2.get("comparison");
        assertTrue(c.get("proxy_low").asDouble() > 0, c.toString());
        assertTrue(c.get("satisfaction_high").asDouble() < 0, c.toString());
        assertTrue(c.get("flagged").asBoolean());
        assertEquals("collapse suspected", v2.get("verdict").asText(), "one window, but the comparison judges");
    }

    @Test
    void shouldSayInsufficientData_notOk_whenThereAreTooFewWindows() throws IOException {
        log();
        Cli.Result r = Cli.run(Cli.env(dir), "collapse", "feedback.jsonl", "--fail-on-collapse");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("v1: insufficient data"), r.out());
        assertFalse(r.out().contains("v1: ok"), r.out());
    }

    @Test
    void shouldReadAnyFeedbackField() throws IOException {
        log();
        Cli.Result r = Cli.run(Cli.env(dir), "collapse", "feedback.jsonl", "--proxy", "feedback.ctr", "--window", "1d",
                "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode w = new ObjectMapper().readTree(r.out()).get("groups").get(0).get("windows").get(0);
        assertEquals(600, w.get("scored").asLong());
    }

    @Test
    void shouldRefuseBadOptions() throws IOException {
        log();
        String[][] usage = {{"--window", "sometimes"}, {"--alpha", "2"}};
        for (String[] bad : usage) {
            assertEquals(2, Cli.run(Cli.env(dir), "collapse", "feedback.jsonl", bad[0], bad[1]).exit(), bad[0]);
        }
        assertEquals(3, Cli.run(Cli.env(dir), "collapse", "feedback.jsonl", "--against", "v9").exit(),
                "an unknown baseline version is bad input");
    }
}

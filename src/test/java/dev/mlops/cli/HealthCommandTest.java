package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Map<String, JsonNode> findings(JsonNode version) {
        Map<String, JsonNode> m = new HashMap<>();
        version.get("findings").forEach(f -> m.put(f.get("check").asText(), f));
        return m;
    }

    /** 48 hourly windows of v1; from hour 36 latency doubles and 20% of requests fail; plus planted data problems. */
    private Path log() throws IOException {
        StringBuilder sb = new StringBuilder();
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        int n = 0;
        for (int h = 0; h < 48; h++) {
            if (h == 20 || h == 21 || h == 22) {
                continue; // a three-hour outage in the logs
            }
            for (int i = 0; i < 100; i++) {
                boolean late = h >= 36;
                boolean error = late ? r.nextDouble() < 0.2 : r.nextDouble() < 0.005;
                double latency = (800 + 200 * r.nextDouble()) * (late ? 2 : 1);
                String id = n == 5 ? "req-4" : "req-" + n;
                sb.append(String.format(Locale.ROOT, "{\"request_id\":\"%s\",\"timestamp\":\"%s\",\"version\":\"v1\","
                                + "\"prompt\":\"%s\",\"response\":\"%s\",\"latency_ms\":%s,\"output_tokens\":40,"
                                + "\"finish_reason\":\"%s\"%s}%n", id, t0.plusSeconds(3600L * h + 30L * i),
                        n == 7 ? "" : "question " + n, n == 9 ? "" : "answer", n == 11 ? "null" : String.format(Locale.ROOT, "%.1f", latency),
                        n % 50 == 0 ? "length" : "stop", error ? ",\"status\":\"error\",\"error\":{\"type\":\"" + (n % 2 == 0
                                ? "timeout" : "overloaded") + "\"}" : ""));
                n++;
            }
        }
        String text = sb.toString().replace("\"question 13\"", "\"bad \u00ff\u00fe bytes\"");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // make line 14's prompt invalid UTF-8: replace the two-byte encodings of ÿþ with lone continuation bytes
        for (int i = 0; i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xff) == 0xC3 && (bytes[i + 1] & 0xff) == 0xBF) {
                bytes[i] = (byte) 0x80;
                bytes[i + 1] = (byte) 0x81;
            }
        }
        return Files.write(dir.resolve("prod.jsonl"), bytes);
    }

    @Test
    void shouldReportDataQualityAndInfrastructureFindings_withSeverities() throws IOException {
        log();
        Cli.Result r = Cli.run(Cli.env(dir), "health", "prod.jsonl", "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("mlops.health/v1", j.get("schema").asText());
        JsonNode v1 = j.get("versions").get(0);
        assertEquals("v1", v1.get("version").asText());
        Map<String, JsonNode> f = findings(v1);
        assertEquals(1, f.get("duplicate_ids").get("value").asLong());
        assertEquals(1, f.get("empty_prompts").get("value").asLong());
        assertEquals(1, f.get("invalid_utf8").get("value").asLong());
        assertEquals("warning", f.get("missing.latency_ms").get("severity").asText());
        assertTrue(f.get("traffic_gap").get("message").asText().startsWith("no traffic for at least 3h after"),
                f.get("traffic_gap").toString());
        assertTrue(f.get("error_rate").get("message").asText().contains("by type: "), f.get("error_rate").toString());
        assertTrue(f.get("timeouts").get("value").asDouble() > 0);
        assertEquals(0.02, f.get("truncation_rate").get("value").asDouble(), 0.001);
        JsonNode latency = f.get("change_point.latency_p95_ms");
        assertEquals("warning", latency.get("severity").asText());
        assertTrue(latency.get("message").asText().contains("from the window starting 2026-11-02T12:00:00Z"),
                latency.toString());
        assertEquals("critical", f.get("change_point.error_rate").get("severity").asText());
        assertTrue(j.get("counts").get("critical").asLong() >= 1);
    }

    @Test
    void shouldSetTheExitCode_withFailOn() throws IOException {
        log();
        Env env = Cli.env(dir);
        assertEquals(1, Cli.run(env, "health", "prod.jsonl", "--fail-on", "critical").exit());
        assertEquals(1, Cli.run(env, "health", "prod.jsonl", "--fail-on", "warning").exit());
        assertEquals(2, Cli.run(env, "health", "prod.jsonl", "--fail-on", "panic").exit());
    }

    /** A category loses 9 of 20 passes and gains none: exact McNemar p = 2·0.5^9, and it is named. */
    @Test
    void shouldFindForgetting_byCategory_andReportUnpairedItems() throws IOException {
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            before.append(String.format(Locale.ROOT, "{\"item\":\"math-%d\",\"version\":\"v11\",\"category\":\"math\",\"passed\":true}%n", i));
            after.append(String.format(Locale.ROOT, "{\"item\":\"math-%d\",\"version\":\"v12\",\"category\":\"math\",\"passed\":%s}%n", i, i < 9 ? "false" : "true"));
            before.append(String.format(Locale.ROOT, "{\"item\":\"chat-%d\",\"version\":\"v11\",\"category\":\"chat\",\"passed\":%s}%n", i, i % 2 == 0));
            after.append(String.format(Locale.ROOT, "{\"item\":\"chat-%d\",\"version\":\"v12\",\"category\":\"chat\",\"passed\":%s}%n", i, i % 2 == 0));
        }
        before.append("{\"item\":\"old-1\",\"version\":\"v11\",\"category\":\"chat\",\"passed\":true}\n");
        after.append("{\"item\":\"new-1\",\"version\":\"v12\",\"category\":\"chat\",\"passed\":true}\n");
        Files.writeString(dir.resolve("before.jsonl"), before);
        Files.writeString(dir.resolve("after.jsonl"), after);
        Cli.Result r = Cli.run(Cli.env(dir), "health", "--eval-baseline", "before.jsonl", "--eval-current",
                "after.jsonl", "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = JSON.readTree(r.out());
        JsonNode fg = j.get("forgetting");
        assertEquals(40, fg.get("paired").asInt());
        JsonNode math = fg.get("categories").get(1);
        assertEquals("math", math.get("category").asText());
        assertEquals(9, math.get("lost_passes").asInt());
        assertEquals(2 * Math.pow(0.5, 9), math.get("p_passed").asDouble(), 1e-15);
        assertTrue(math.get("regressed").asBoolean());
        assertFalse(fg.get("categories").get(0).get("regressed").asBoolean());
        assertEquals(9, fg.get("flipped").size());
        assertEquals("old-1", fg.get("only_baseline").get(0).asText());
        assertEquals("new-1", fg.get("only_current").get(0).asText());
        JsonNode v12 = j.get("versions").get(0);
        assertEquals("v12", v12.get("version").asText());
        assertEquals(1, v12.get("counts").get("critical").asLong());
        assertTrue(findings(v12).containsKey("unpaired_items"));
    }

    @Test
    void shouldNameFileAndLine_forABadEvalRow() throws IOException {
        Files.writeString(dir.resolve("a.jsonl"), "{\"item\":\"x\",\"passed\":true}\n");
        Files.writeString(dir.resolve("b.jsonl"), "{\"item\":\"x\",\"passed\":\"yes\"}\n");
        Cli.Result r = Cli.run(Cli.env(dir), "health", "--eval-baseline", "a.jsonl", "--eval-current", "b.jsonl");
        assertEquals(3, r.exit());
        assertEquals("mlops: b.jsonl:1: passed is \"yes\", expected true or false\n", r.err());
    }

    @Test
    void shouldReportTheLlmPerfRunsAsTheirSummariesState() throws IOException {
        Path data = Path.of("..", "shared", "data", "llmperf-2023", "individual");
        assumeTrue(Files.isDirectory(data), "skipped: ../shared/data is missing");
        JsonNode lepton = JSON.readTree(Cli.run("health", data.resolve("lepton_70b.json").toString(), "--format", "json").out());
        Map<String, JsonNode> f = findings(lepton.get("versions").get(0));
        assertEquals(130.0 / 150, f.get("error_rate").get("value").asDouble(), 1e-12);
        assertTrue(f.get("error_rate").get("message").asText().endsWith("by type: 429: 130"));
        assertEquals("warning", f.get("zero_latency").get("severity").asText());
        assertEquals(130, f.get("zero_latency").get("value").asLong());
        JsonNode bedrock = JSON.readTree(Cli.run("health", data.resolve("bedrock_13b.json").toString(), "--format", "json").out());
        Map<String, JsonNode> b = findings(bedrock.get("versions").get(0));
        assertTrue(b.get("error_rate").get("message").asText().endsWith("by type: -100: 97"));
        assertFalse(b.containsKey("zero_latency"), "bedrock's failed rows carry real latencies");
    }

    /** A health report is promotion evidence: health.critical reads the version's critical count. */
    @Test
    void shouldServeAsPromotionEvidence() throws IOException {
        log();
        Cli.Result r = Cli.run(Cli.env(dir), "health", "prod.jsonl", "--format", "json", "-o", "health.json");
        assertEquals(0, r.exit(), r.toString());
        var ev = dev.mlops.release.Evidence.load(dir.resolve("health.json"), "health.json");
        var g = new dev.mlops.registry.Gate("health.critical", null, null, Double.NaN, 0, false, 1);
        var result = dev.mlops.release.Gates.evaluate(java.util.List.of(g), java.util.List.of(ev), "v1").get(0);
        assertFalse(result.passed());
        assertEquals(ev.json().get("versions").get(0).get("counts").get("critical").asDouble(), result.value());
    }
}

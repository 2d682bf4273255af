package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyzeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path GOLDEN = Paths.get("src/test/resources/golden/analyze-example.json");

    /** A fresh working directory in an in-memory file system. */
    private static Path inMemoryDir() throws IOException {
        FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
        return Files.createDirectories(fs.getPath("/w"));
    }

    private static JsonNode json(Cli.Result r) throws IOException {
        return JSON.readTree(r.out());
    }

    /**
     * The JSON contract on the example log. To accept an intended change:
     * mvn test -Dtest=AnalyzeCommandTest -Dgolden.update=true, then review the diff.
     */
    @Test
    void shouldMatchTheGoldenJson_forTheExampleLog() throws IOException {
        Cli.Result r = Cli.run("analyze", "examples/logs.jsonl", "--registry", "examples/registry.yaml",
                "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, r.out());
        }
        assertEquals(Files.readString(GOLDEN), r.out());
        JsonNode j = json(r);
        assertEquals("mlops.analyze/v1", j.get("schema").asText());
        assertEquals(2, j.get("groups").size());
        assertEquals("v12", j.get("groups").get(1).get("key").get("version").asText());
    }

    @Test
    void shouldBeDeterministic_whateverTheThreadCount() {
        Cli.Result a = Cli.run("analyze", "examples/logs.jsonl", "--format", "json", "--threads", "1");
        Cli.Result b = Cli.run("analyze", "examples/logs.jsonl", "--format", "json", "--threads", "2");
        assertEquals(a.out(), b.out());
    }

    /** A file large enough to be cut into parts gives the same bytes on one thread or two. */
    @Test
    void shouldBeDeterministic_whenALargeFileIsSplit(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.jsonl");
        java.util.Random r = new java.util.Random(5);
        try (var w = Files.newBufferedWriter(big)) {
            for (int i = 0; w != null && i < 160_000; i++) {
                w.write(String.format(java.util.Locale.ROOT, "{\"version\":\"v%d\",\"latency_ms\":%.3f,"
                        + "\"usage\":{\"prompt_tokens\":%d},\"prompt\":\"%s\"}%n", i % 3,
                        Math.exp(6 + r.nextGaussian()), r.nextInt(5000), "p".repeat(200 + r.nextInt(200))));
            }
        }
        assertTrue(Files.size(big) > (48L << 20), "large enough for two parts or more");
        Cli.Result one = Cli.run("analyze", big.toString(), "--format", "json", "--threads", "1",
                "--exact-limit", "20000");
        Cli.Result two = Cli.run("analyze", big.toString(), "--format", "json", "--threads", "2",
                "--exact-limit", "20000");
        assertEquals(0, one.exit(), one.toString());
        assertEquals(one.out(), two.out());
        assertTrue(one.out().contains("\"method\" : \"ddsketch\""), "past the exact limit");
    }

    @Test
    void shouldFailOnSlo_onlyWhenAsked_andNameTheMissedSlo() {
        Cli.Result quiet = Cli.run("analyze", "examples/logs.jsonl", "--registry", "examples/registry.yaml");
        assertEquals(0, quiet.exit(), quiet.toString());
        Cli.Result fail = Cli.run("analyze", "examples/logs.jsonl", "--registry", "examples/registry.yaml",
                "--fail-on-slo");
        assertEquals(1, fail.exit(), fail.toString());
        assertTrue(fail.err().contains("mlops: SLO missed: v12 latency_p95_ms is 10,244, limit 9,000"), fail.err());
        assertTrue(fail.err().contains("mlops: SLO missed: v12 error_rate is 0.0350, limit 0.0200"), fail.err());
        assertFalse(fail.err().contains("v11"), fail.err());
    }

    @Test
    void shouldRefuseFailOnSlo_withoutARegistry_asAUsageError() {
        Cli.Result r = Cli.run("analyze", "examples/logs.jsonl", "--fail-on-slo");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().startsWith("mlops: --fail-on-slo needs a registry"), r.err());
        assertEquals(2, r.err().lines().count(), "one line, and where to read more: " + r.err());
        assertTrue(r.err().contains("see 'mlops help analyze'"), r.err());
    }

    @Test
    void shouldGroupByAnyFieldOrAttribute_andFilter() throws IOException {
        Cli.Result r = Cli.run("analyze", "examples/logs.jsonl", "--by", "version,region", "--where",
                "segment=pro,enterprise", "--where", "input_tokens>=100", "--since", "2026-11-01T10:00:00Z",
                "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = json(r);
        assertEquals(4, j.get("groups").size());
        assertEquals("eu", j.get("groups").get(0).get("key").get("region").asText());
        long sum = 0;
        for (JsonNode g : j.get("groups")) {
            sum += g.get("requests").asLong();
        }
        assertEquals(j.get("records").get("matched").asLong(), sum);
        assertTrue(sum > 0 && sum < 400);
        // python3: first record with segment pro/enterprise, prompt_tokens >= 100, at/after 10:00
        assertEquals("2026-11-01T10:01:40Z", j.get("overall").get("first").asText());
    }

    @Test
    void shouldPriceFromTheRegistry_whenTheLogHasNoCost() throws IOException {
        JsonNode j = json(Cli.run("analyze", "examples/logs.jsonl", "--registry", "examples/registry.yaml",
                "--format", "json"));
        JsonNode cost = j.get("overall").get("cost");
        assertEquals("registry", cost.get("source").asText());
        assertEquals(400, cost.get("from_registry").asLong());
        JsonNode without = json(Cli.run("analyze", "examples/logs.jsonl", "--format", "json"));
        assertEquals("none", without.get("overall").get("cost").get("source").asText());
        assertTrue(without.get("overall").get("cost").get("total_usd").isNull());
    }

    /** By hand: 1000 input tokens at $0.20/1M + 500 output tokens at $0.60/1M = $0.0005. */
    @Test
    void shouldPriceARequest_asTheRegistryPricingSays() throws IOException {
        Env env = Cli.withStdin(Cli.env(), "{\"version\":\"v12\",\"input_tokens\":1000,\"output_tokens\":500}\n"
                .getBytes(StandardCharsets.UTF_8));
        JsonNode j = json(Cli.run(env, "analyze", "-", "--registry", "examples/registry.yaml", "--format", "json"));
        assertEquals(0.0005, j.get("overall").get("cost").get("total_usd").asDouble(), 1e-15);
    }

    @Test
    void shouldExitThree_whenTheGivenRegistryIsMissing() {
        FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
        Cli.Result r = Cli.run(Cli.env(fs.getPath("/")), "analyze", "x.jsonl", "--registry", "/etc/nope.yaml");
        assertEquals(3, r.exit(), r.toString());
        assertEquals("mlops: etc/nope.yaml: no such file\n", r.err());
    }

    @Test
    void shouldReadAMappingFile_forFieldsWithUnusualNames() throws IOException {
        Path cwd = inMemoryDir();
        Files.writeString(cwd.resolve("map.yaml"), "fields:\n  version: meta.rev\n  latency_ms: took:s\n"
                + "  output_tokens: n.out\n");
        Files.writeString(cwd.resolve("x.jsonl"), "{\"meta\":{\"rev\":\"r7\"},\"took\":0.25,\"n\":{\"out\":40}}\n");
        Cli.Result r = Cli.run(Cli.env(cwd), "analyze", "x.jsonl", "--mapping", "map.yaml", "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode g = json(r).get("groups").get(0);
        assertEquals("r7", g.get("key").get("version").asText());
        assertEquals(250.0, g.get("latency_ms").get("p50").asDouble());
        assertEquals(160.0, g.get("output_tokens_per_s").get("p50").asDouble(), 1e-12);
        Files.writeString(cwd.resolve("bad.yaml"), "fields:\n  colour: x\n");
        Cli.Result bad = Cli.run(Cli.env(cwd), "analyze", "x.jsonl", "--mapping", "bad.yaml");
        assertEquals(3, bad.exit(), bad.toString());
        assertTrue(bad.err().startsWith("mlops: bad.yaml: unknown field 'colour'"), bad.err());
    }

    @Test
    void shouldReadStandardInput() {
        Env env = Cli.withStdin(Cli.env(), "{\"version\":\"a\",\"latency_ms\":10}\n{\"version\":\"a\",\"latency_ms\":30}\n"
                .getBytes(StandardCharsets.UTF_8));
        Cli.Result r = Cli.run(env, "analyze", "-", "--format", "csv");
        assertEquals(0, r.exit(), r.toString());
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[1].startsWith("a,2,0,0,0,,2,20,10,20,"), lines[1]);
    }

    @Test
    void shouldWriteTheReportToAFile_withDashO() throws IOException {
        Path cwd = inMemoryDir();
        Files.copy(Paths.get("examples/logs.jsonl"), cwd.resolve("logs.jsonl"));
        Cli.Result r = Cli.run(Cli.env(cwd), "analyze", "logs.jsonl", "--format", "markdown", "-o", "out.md");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.out());
        assertTrue(Files.readString(cwd.resolve("out.md")).startsWith("## mlops analyze\n"));
        try (var s = Files.list(cwd)) {
            assertEquals(2, s.count(), "no temporary file is left behind");
        }
    }

    @Test
    void shouldSkipAFewBadLines_reportThemOnStderr_andExitZero() throws IOException {
        Path cwd = inMemoryDir();
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            log.append(i == 41 ? "{\"output_tokens\": \"abc\"}\n" : "{\"output_tokens\": " + i + "}\n");
        }
        Files.writeString(cwd.resolve("logs.jsonl"), log);
        Cli.Result ok = Cli.run(Cli.env(cwd), "analyze", "logs.jsonl");
        assertEquals(0, ok.exit(), ok.toString());
        assertEquals("logs.jsonl:42: output_tokens is \"abc\", expected an integer\n"
                + "mlops: skipped 1 malformed record of 300\n", ok.err());
        Cli.Result strict = Cli.run(Cli.env(cwd), "analyze", "logs.jsonl", "--max-bad-lines", "0");
        assertEquals(3, strict.exit(), strict.toString());
        assertTrue(strict.err().endsWith("mlops: 1 of 300 records are malformed, more than --max-bad-lines 0 allows\n"),
                strict.err());
        assertEquals("", strict.out());
    }

    @Test
    void shouldExitThree_whenTooManyLinesAreBad_byDefault() throws IOException {
        Path cwd = inMemoryDir();
        Files.writeString(cwd.resolve("logs.jsonl"), "{\"input_tokens\":1}\n{\"input_tokens\":-1}\n");
        Cli.Result r = Cli.run(Cli.env(cwd), "analyze", "logs.jsonl");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("1 of 2 records are malformed, more than --max-bad-lines 1% allows"), r.err());
    }

    @Test
    void shouldGiveOneLineAndExitThree_forUnreadableInputs_neverAStackTrace() throws IOException {
        Path cwd = inMemoryDir();
        Files.createFile(cwd.resolve("empty.jsonl"));
        Files.createDirectory(cwd.resolve("dir"));
        Files.write(cwd.resolve("garbage.bin"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3});
        Map<String, String> cases = Map.of(
                "empty.jsonl", "mlops: empty.jsonl: is empty\n",
                "dir", "mlops: dir: is a directory, not a log file\n",
                "missing.jsonl", "mlops: missing.jsonl: no such file\n",
                "garbage.bin", "mlops: garbage.bin: is binary data, not a text log (NUL byte at offset 4)\n");
        cases.forEach((file, expected) -> {
            Cli.Result r = Cli.run(Cli.env(cwd), "analyze", file);
            assertEquals(3, r.exit(), r.toString());
            assertEquals(expected, r.err());
            assertEquals("", r.out());
        });
    }

    @Test
    void shouldExitTwo_onUsageErrors() {
        assertEquals(2, Cli.run("analyze").exit());
        assertEquals(2, Cli.run("analyze", "examples/logs.jsonl", "--format", "xml").exit());
        assertEquals(2, Cli.run("analyze", "examples/logs.jsonl", "--where", "nonsense").exit());
        assertEquals(2, Cli.run("analyze", "examples/logs.jsonl", "--since", "last tuesday").exit());
        assertEquals(2, Cli.run("analyze", "examples/logs.jsonl", "--map", "bogus=x").exit());
        assertEquals(2, Cli.run("analyze", "examples/logs.jsonl", "--input-format", "parquet").exit());
        Cli.Result r = Cli.run("analyze", "examples/logs.jsonl", "--max-bad-lines", "lots");
        assertEquals(2, r.exit());
        assertEquals("mlops: --max-bad-lines lots: expected a count (100) or a percentage (0.5%)\n", r.err());
    }

    @Test
    void shouldReadTheRegistryFromTheEnvironment() {
        Env env = Cli.withVars(Cli.env(), Map.of("MLOPS_REGISTRY", "examples/registry.yaml"));
        Cli.Result r = Cli.run(env, "analyze", "examples/logs.jsonl", "--fail-on-slo");
        assertEquals(1, r.exit(), r.toString());
    }

    @Test
    void shouldExitThree_forAnInvalidRegistry_namingFileLineAndField() throws IOException {
        Path cwd = inMemoryDir();
        Files.writeString(cwd.resolve("registry.yaml"), "models:\n  bot:\n    versions:\n      - id: v1\n"
                + "        stage: live\n");
        Files.writeString(cwd.resolve("logs.jsonl"), "{\"version\":\"v1\"}\n");
        Cli.Result r = Cli.run(Cli.env(cwd), "analyze", "logs.jsonl");
        assertEquals(3, r.exit(), r.toString());
        assertEquals("mlops: registry.yaml:5: models.bot.versions[0].stage is \"live\", expected one of experiment, "
                + "staging, canary, production, retired\n", r.err());
    }

    @Test
    void shouldDrawHistograms_forAllAndPerGroup() {
        Cli.Result r = Cli.run("analyze", "examples/logs.jsonl", "--histograms");
        assertTrue(r.out().contains("latency ms, all (n=393, log-scaled buckets)"), r.out());
        assertTrue(r.out().contains("output tokens, v12 (n=193, log-scaled buckets)"), r.out());
        assertTrue(r.out().contains("│"), r.out());
        Cli.Result plain = Cli.run("analyze", "examples/logs.jsonl");
        assertFalse(plain.out().contains("output tokens, v12 ("), plain.out());
        assertFalse(plain.out().contains("\u001b["), "no ANSI codes off a terminal");
    }
}

package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a new user broke with filters and field names: each case was an exit 70 or a silent empty report. */
class FiltersAndFieldsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path log(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    private Cli.Result run(String... args) {
        return Cli.run(Cli.env(dir), args);
    }

    /** --where on a field some records lack: they do not match, with = and with !=, in every command. */
    @ParameterizedTest
    @ValueSource(strings = {"tier=pro", "tier!=pro"})
    void shouldNotMatchRecordsWithoutTheField(String where) throws IOException {
        log("a.jsonl",
                "{\"version\":\"v1\",\"output_tokens\":10,\"tier\":\"pro\"}",
                "{\"version\":\"v1\",\"output_tokens\":20,\"tier\":\"free\"}",
                "{\"version\":\"v1\",\"output_tokens\":30}");
        Cli.Result r = run("analyze", "a.jsonl", "--where", where, "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(1, r.out().contains("\"matched\"") ? json(r).path("records").path("matched").asLong() : -1,
                r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"analyze", "select", "collapse", "drift"})
    void shouldNeverExit70_forWhereOnAMissingField(String command) throws IOException {
        Path p = Path.of("examples/logs.jsonl").toAbsolutePath();
        List<String> args = new java.util.ArrayList<>(List.of(command, p.toString(), "--where", "nosuch!=x"));
        if (command.equals("select")) {
            args.addAll(List.of("-n", "5", "-o", dir.resolve("out.jsonl").toString()));
        }
        if (command.equals("drift")) {
            args.addAll(List.of("--baseline-until", "2026-11-01T11:00:00Z"));
        }
        Cli.Result r = run(args.toArray(new String[0]));
        assertTrue(r.exit() == 0 || r.exit() == 3, r.toString());
        assertTrue(r.err().contains("no record has the field 'nosuch' (--where), so no record matches it"), r.err());
    }

    @Test
    void shouldNameAFieldNoRecordHas_withADidYouMean() throws IOException {
        Path p = Path.of("examples/logs.jsonl").toAbsolutePath();
        Cli.Result by = run("analyze", p.toString(), "--by", "regoin");
        assertEquals(0, by.exit(), by.toString());
        assertTrue(by.err().contains("no record has the field 'regoin' (--by); did you mean 'region'?"), by.err());
        Cli.Result cat = run("drift", p.toString(), "--baseline-until", "2026-11-01T11:00:00Z", "--categorical", "segmnt");
        assertTrue(cat.err().contains("'segmnt' (--categorical); did you mean 'segment'?"), cat.toString());
        Cli.Result proxy = run("collapse", p.toString(), "--proxy", "feedback.clickd");
        assertTrue(proxy.err().contains("no record has the field 'feedback.clickd' (--proxy)"), proxy.toString());
        Cli.Result map = run("analyze", p.toString(), "--map", "output_tokens=usage.completion_token");
        assertTrue(map.err().contains("no record has 'usage.completion_token'; did you mean 'usage.completion_tokens'?"),
                map.err());
        Cli.Result weight = run("select", p.toString(), "-n", "5", "--weight", "feedback.nope", "-o",
                dir.resolve("w.jsonl").toString());
        assertTrue(weight.err().contains("'feedback.nope' (--weight)"), weight.toString());
        Cli.Result ok = run("analyze", p.toString(), "--by", "region");
        assertFalse(ok.err().contains("no record has"), ok.err());
    }

    @Test
    void shouldRefuseAnEmptyByField_asAUsageError() {
        Cli.Result r = run("analyze", Path.of("examples/logs.jsonl").toAbsolutePath().toString(), "--by", "");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().startsWith("mlops: --by: a field name is empty"), r.err());
    }

    @Test
    void shouldStopAtMaxGroups_namingTheField() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            sb.append("{\"request_id\":\"r").append(i).append("\",\"output_tokens\":5}\n");
        }
        Files.writeString(dir.resolve("many.jsonl"), sb);
        Cli.Result r = run("analyze", "many.jsonl", "--by", "request_id");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("--by request_id makes more than 1,000 groups (--max-groups)"), r.err());
        assertEquals(0, run("analyze", "many.jsonl", "--by", "request_id", "--max-groups", "2000", "--format", "json")
                .exit());
    }

    @Test
    void shouldLetMapWin_overAutoDetectedFields_andRefuseAnUnknownUnit() throws IOException {
        log("m.jsonl", "{\"version\":\"v1\",\"latency_ms\":100,\"duration\":2.5,\"output_tokens\":1}");
        JsonNode j = json(run("analyze", "m.jsonl", "--map", "latency_ms=duration:s", "--format", "json"));
        assertEquals(2500, j.path("groups").get(0).path("latency_ms").path("p50").asDouble(), 1e-9, j.toString());
        for (String unit : List.of("sec", "bogus")) {
            Cli.Result r = run("analyze", "m.jsonl", "--map", "latency_ms=duration:" + unit);
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().contains("unknown unit '" + unit + "'"), r.err());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"errored", "failure", "STATUS_CODE_ERROR", "500", "429"})
    void shouldReadCommonErrorSpellings(String status) throws IOException {
        log("s.jsonl", "{\"version\":\"v1\",\"output_tokens\":5,\"status\":\"" + status + "\"}",
                "{\"version\":\"v1\",\"output_tokens\":5,\"status\":\"success\"}");
        JsonNode j = json(run("analyze", "s.jsonl", "--format", "json"));
        assertEquals(1, j.path("groups").get(0).path("errors").asLong(), j.toString());
    }

    @Test
    void shouldMatchCsvColumns_whateverTheirCase() throws IOException {
        Files.writeString(dir.resolve("c.csv"), "Version,Output_Tokens,LATENCY_MS\nv1,10,100\nv1,12,200\n");
        Cli.Result r = run("analyze", "c.csv", "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(150, json(r).path("groups").get(0).path("latency_ms").path("mean").asDouble(), 1e-9);
    }

    @Test
    void shouldRefuseAFileWithNothingALogRecordIsMadeOf() throws IOException {
        log("x.jsonl", "{\"foo\":1,\"bar\":\"baz\"}", "{\"foo\":2}");
        Cli.Result r = run("analyze", "x.jsonl");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("x.jsonl: no record has tokens, latency, status, cost or text"), r.err());
        assertTrue(r.err().contains("--map") && r.err().contains("--input-format"), r.err());
    }

    @Test
    void shouldSayWhenHistoryNamesAModelTheRegistryDoesNotHave() throws IOException {
        ReleaseFixture f = new ReleaseFixture(Files.createDirectories(dir.resolve("reg")));
        Cli.Result r = f.run("history", "support-bto");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("no model 'support-bto'") && r.err().contains("did you mean 'support-bot'?"),
                r.err());
    }

    private static JsonNode json(Cli.Result r) {
        try {
            return JSON.readTree(r.out());
        } catch (IOException e) {
            throw new AssertionError(r.toString(), e);
        }
    }
}

package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Langfuse exports, detected and mapped with no --map. The real trace exports are in
 * ../shared/data/langfuse-traces (skipped when missing); the expected figures per file come from
 * src/test/python/langfuse_check.py over the same files. The fixture is written from the Langfuse v3
 * blob-storage export schema (snake_case observations as JSONL).
 */
class LangfuseFormatTest {
    private static final Path DATA = RealDataTest.DATA.resolve("langfuse-traces");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;


    // file, GENERATION observations, input tokens, output tokens, cost USD, latency p50 ms, max ms, model
    // (python3 src/test/python/langfuse_check.py ../shared/data/langfuse-traces, 2026-12-01)
    @ParameterizedTest
    @CsvSource({
        "agno-2025-06-11.trace.json, 4, 2936, 903, 0.0009822, 2876.5, 4799.0, gpt-4o-mini",
        "autogen-2025-06-06.trace.json, 1, 41, 3, 0.000025, 628.0, 628.0, gpt-4o",
        "crewai-2025-07-11.trace.json, 1, 190, 164, 0.0001269, 3694.0, 3694.0, gpt-4o-mini",
        "openai-agents-2025-09-30.trace.json, 2, 140, 44, 0.000632, 1093.0, 1150.0, gpt-4.1-2025-04-14",
        "pydantic-ai-2025-06-06.trace.json, 1, 31, 96, 0.0010375, 4794.0, 4794.0, gpt-4o",
    })
    void realTraceExportsGiveThePythonCheck(String file, long requests, long in, long out, double cost, double p50,
                                            double max, String model) throws IOException {
        assumeTrue(Files.isDirectory(DATA), "skipped: ../shared/data/langfuse-traces is missing");
        JsonNode j = Cli.analyzeJson(DATA.resolve(file).toString(), "--by", "model");
        assertEquals("langfuse", j.get("inputs").get(0).get("format").asText());
        JsonNode all = j.get("overall");
        assertEquals(requests, all.get("requests").asLong(), file);
        assertEquals(0, all.get("errors").asLong(), file);
        assertEquals(in, Cli.sum(all.get("input_tokens")), 1e-6, file);
        assertEquals(out, Cli.sum(all.get("output_tokens")), 1e-6, file);
        assertEquals(cost, all.get("cost").get("total_usd").asDouble(), 1e-12, file);
        assertEquals("log", all.get("cost").get("source").asText());
        assertEquals(p50, all.get("latency_ms").get("p50").asDouble(), 1e-9, file);
        assertEquals(max, all.get("latency_ms").get("max").asDouble(), 1e-9, file);
        assertEquals(model, j.get("groups").get(0).get("key").get("model").asText());
        assertTrue(j.get("inputs").get(0).get("skipped").asLong() > 0, "SPAN, AGENT, TOOL observations are skipped");
    }

    @Test
    void allFiveFilesTogether_andOneGroupPerFile() throws IOException {
        assumeTrue(Files.isDirectory(DATA), "skipped: ../shared/data/langfuse-traces is missing");
        String[] files = Files.list(DATA).filter(p -> p.toString().endsWith(".trace.json")).sorted()
                .map(Path::toString).toArray(String[]::new);
        JsonNode all = Cli.analyzeJson(files).get("overall");
        assertEquals(9, all.get("requests").asLong());
        assertEquals(3338, Cli.sum(all.get("input_tokens")), 1e-6);
        assertEquals(1210, Cli.sum(all.get("output_tokens")), 1e-6);
        assertEquals(0.0028036, all.get("cost").get("total_usd").asDouble(), 1e-12);
    }

    @Test
    void theTracesSessionAndUserApplyToItsObservations() throws IOException {
        assumeTrue(Files.isDirectory(DATA), "skipped: ../shared/data/langfuse-traces is missing");
        JsonNode j = Cli.analyzeJson(DATA.resolve("autogen-2025-06-06.trace.json").toString(), "--by", "conversation,user,version");
        JsonNode key = j.get("groups").get(0).get("key");
        assertEquals("session_abc", key.get("conversation").asText());
        assertEquals("user_123", key.get("user").asText());
        assertEquals("1.0.0", key.get("version").asText());
    }

    @Test
    void blobStorageObservationsInSnakeCase() throws IOException {
        Path f = Paths.get("src/test/resources/formats/langfuse/observations-blob-export.jsonl");
        JsonNode j = Cli.analyzeJson(f.toString(), "--by", "metadata.tenant");
        JsonNode in = j.get("inputs").get(0);
        assertEquals(2, in.get("records").asLong());
        assertEquals(2, in.get("skipped").asLong(), "a SPAN and an EVENT");
        JsonNode all = j.get("overall");
        assertEquals(1, all.get("errors").asLong());
        assertEquals(1, all.get("error_types").get("overloaded_error").asLong());
        // latency from start and end times; TTFT from completion_start_time
        assertEquals(1500.0, all.get("latency_ms").get("p50").asDouble(), 1e-9);
        assertEquals(400.0, all.get("ttft_ms").get("p50").asDouble(), 1e-9);
        assertEquals(0.0051, all.get("cost").get("total_usd").asDouble(), 1e-12);
        // metadata as a JSON string and as an object are both groupable
        assertEquals("acme", j.get("groups").get(0).get("key").get("metadata.tenant").asText());
        assertEquals("globex", j.get("groups").get(1).get("key").get("metadata.tenant").asText());
    }

    /**
     * The UI's batch export of observations as CSV (Langfuse v3: one column per key of the exported
     * observation, objects as JSON text). Hand calculation over the fixture's three GENERATION rows:
     * latency from the times 1500 and 3000 ms (the errored request's 250 ms is left out of latency, as
     * everywhere; the latency column is in ms in this version, not s);
     * TTFT 400 and 800 ms; input tokens 100 + 200 (not the error's 50); cost 0.000027 + 0.00006.
     */
    @Test
    void theUisCsvExportOfObservations() throws IOException {
        Path f = Paths.get("src/test/resources/formats/langfuse/observations-v3-batch-export.csv");
        JsonNode j = Cli.analyzeJson(f.toString(), "--by", "user");
        JsonNode in = j.get("inputs").get(0);
        assertEquals("langfuse-csv", in.get("format").asText());
        assertEquals(3, in.get("records").asLong());
        assertEquals(1, in.get("skipped").asLong(), "a SPAN row");
        JsonNode all = j.get("overall");
        assertEquals(1, all.get("error_types").get("rate limited").asLong());
        assertEquals(2250.0, all.get("latency_ms").get("mean").asDouble(), 1e-9);
        assertEquals(600.0, all.get("ttft_ms").get("mean").asDouble(), 1e-9);
        assertEquals(300, Cli.sum(all.get("input_tokens")), 1e-9, "token distributions leave errors out too");
        assertEquals(100, Cli.sum(all.get("output_tokens")), 1e-9);
        assertEquals(0.000087, all.get("cost").get("total_usd").asDouble(), 1e-12);
        assertEquals("u1", j.get("groups").get(0).get("key").get("user").asText());
        assertEquals(2, j.get("groups").get(0).get("requests").asLong());
        JsonNode tags = Cli.analyzeJson(f.toString(), "--by", "tags,metadata.tenant").get("groups");
        assertTrue(tags.toString().contains("{\"tags\":\"prod,chat\",\"metadata.tenant\":\"globex\"}"), tags.toString());
    }

    /**
     * The older generations export (Langfuse v2 UI): every row a generation, latency "2.00s", costs
     * "$0.00003", and timeToFirstToken written as startTime − completionStartTime in ms (-350).
     */
    @Test
    void theOlderGenerationsCsvExport() throws IOException {
        Path f = Paths.get("src/test/resources/formats/langfuse/generations-v2-ui-export.csv");
        JsonNode all = Cli.analyzeJson(f.toString()).get("overall");
        assertEquals(2, all.get("requests").asLong());
        assertEquals(1, all.get("error_types").get("context length exceeded").asLong());
        assertEquals(2000.0, all.get("latency_ms").get("mean").asDouble(), 1e-9, "the error's latency is left out");
        assertEquals(350.0, all.get("ttft_ms").get("mean").asDouble(), 1e-9);
        assertEquals(1, all.get("ttft_ms").get("count").asLong());
        assertEquals(0.00053, all.get("cost").get("total_usd").asDouble(), 1e-12);
        assertEquals(40, Cli.sum(all.get("input_tokens")), 1e-9, "the errored request's 5000 are left out");
    }

    @Test
    void aCsvRowWithTheWrongNumberOfCellsIsOneBadRecord() throws IOException {
        Path f = tmp.resolve("obs.csv");
        Cli.Result r = Cli.analyzeWritten(f, "id,traceId,type,startTime,endTime,model\n"
                + "a,t,GENERATION,2025-01-01T00:00:00Z,2025-01-01T00:00:01Z,m\n"
                + "b,t,GENERATION,2025-01-01T00:00:00Z\n"
                + "c,t,GENERATION,yesterday,2025-01-01T00:00:01Z,m\n", "--max-bad-lines", "5");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("has 4 columns, the header has 6 (line 3)"), r.err());
        assertTrue(r.err().contains("endTime or startTime is not an ISO-8601 time: yesterday (line 4)"), r.err());
    }

    @Test
    void anExportWithoutGenerationsIsBadInput() throws IOException {
        Path f = tmp.resolve("spans.json");
        Cli.Result r = Cli.analyzeWritten(f, "{\"trace\": {\"id\": \"t\"}, \"observations\": [{\"id\": \"a\","
                + " \"type\": \"SPAN\"}, {\"id\": \"b\", \"type\": \"EVENT\"}]}");
        assertEquals(3, r.exit(), r.toString());
        assertEquals("mlops: " + f + ": 2 observations read, none is a GENERATION\n", r.err());
    }
}

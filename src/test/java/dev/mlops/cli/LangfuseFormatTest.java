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

    @Test
    void anExportWithoutGenerationsIsBadInput() throws IOException {
        Path f = tmp.resolve("spans.json");
        Cli.Result r = Cli.analyzeWritten(f, "{\"trace\": {\"id\": \"t\"}, \"observations\": [{\"id\": \"a\","
                + " \"type\": \"SPAN\"}, {\"id\": \"b\", \"type\": \"EVENT\"}]}");
        assertEquals(3, r.exit(), r.toString());
        assertEquals("mlops: " + f + ": 2 observations read, none is a GENERATION\n", r.err());
    }
}

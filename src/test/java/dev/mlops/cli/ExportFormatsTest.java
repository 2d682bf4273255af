package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exports of LiteLLM, the OpenAI and Anthropic batch APIs, Helicone and BurstGPT, detected and mapped
 * with no --map. Fixtures are written from each format's public documentation (named in each test);
 * expected figures are hand calculations over the fixture.
 */
class ExportFormatsTest {
    private static final Path DIR = Paths.get("src/test/resources/formats");

    @TempDir
    Path tmp;

    private static JsonNode analyze(String file, String... more) throws IOException {
        String[] args = new String[more.length + 1];
        args[0] = DIR.resolve(file).toString();
        System.arraycopy(more, 0, args, 1, more.length);
        return Cli.analyzeJson(args);
    }


    /** LiteLLM StandardLoggingPayload (docs.litellm.ai, logging spec, v1.55): epoch floats and date strings. */
    @Test
    void litellmPayloads() throws IOException {
        JsonNode j = analyze("litellm/standard-logging-payload.jsonl", "--by", "model_group");
        assertEquals("litellm", j.get("inputs").get(0).get("format").asText());
        JsonNode all = j.get("overall");
        assertEquals(3, all.get("requests").asLong());
        assertEquals(1, all.get("error_types").get("RateLimitError").asLong(), "status failure, error_class");
        // latency = endTime - startTime: 1.25 s (epoch floats) and 3 s (YYYY-MM-DD HH:MM:SS.ffffff)
        assertEquals(2125.0, all.get("latency_ms").get("mean").asDouble(), 1e-9);
        // TTFT = completionStartTime - startTime: 0.4 s and 0.25 s, to the microsecond
        assertEquals(325.0, all.get("ttft_ms").get("mean").asDouble(), 1e-9);
        assertEquals(0.0036, all.get("cost").get("total_usd").asDouble(), 1e-12);
        assertEquals(1, all.get("truncated").asLong(), "finish_reason length from response.choices");
        assertEquals("claude", j.get("groups").get(0).get("key").get("model_group").asText());
        JsonNode one = analyze("litellm/one-payload-pretty.json").get("overall");
        assertEquals(1, one.get("requests").asLong(), "one pretty-printed payload");
        assertEquals(1250.0, one.get("latency_ms").get("p50").asDouble(), 1e-9);
    }

    /** OpenAI Batch API output (platform.openai.com/docs/guides/batch, 2025): ok, 400, expired. */
    @Test
    void openaiBatchOutput() throws IOException {
        JsonNode j = analyze("openai-batch/batch_output.jsonl");
        assertEquals("openai-batch", j.get("inputs").get(0).get("format").asText());
        JsonNode all = j.get("overall");
        assertEquals(4, all.get("requests").asLong());
        assertEquals(1, all.get("error_types").get("context_length_exceeded").asLong(), "a 400 names its body's code");
        assertEquals(1, all.get("error_types").get("batch_expired").asLong());
        assertEquals(52, Cli.sum(all.get("input_tokens")), 1e-9);
        assertEquals(8, Cli.sum(all.get("output_tokens")), 1e-9);
        assertEquals("2024-03-28T19:06:30Z", all.get("first").asText(), "response.body.created");
    }

    /** --join-input brings the batch input's prompts and metadata in, by custom_id, whatever the order. */
    @Test
    void openaiBatchJoinedWithItsInput() throws IOException {
        JsonNode j = analyze("openai-batch/batch_output.jsonl", "--join-input",
                DIR.resolve("openai-batch/batch_input.jsonl").toString(), "--by", "metadata.segment");
        String groups = j.get("groups").toString();
        assertTrue(groups.contains("{\"metadata.segment\":\"chat\"}") && groups.contains("{\"metadata.segment\":\"geo\"}")
                && groups.contains("{\"metadata.segment\":\"long\"}"), groups);
        Path out = tmp.resolve("picked.jsonl");
        Cli.Result r = Cli.run("select", DIR.resolve("openai-batch/batch_output.jsonl").toString(), "--join-input",
                DIR.resolve("openai-batch/batch_input.jsonl").toString(), "-n", "2", "-o", out.toString());
        assertEquals(0, r.exit(), r.toString());
        String picked = Files.readString(out);
        assertTrue(picked.contains("What is the capital of France?") && picked.contains("Paris."), picked);
        assertTrue(picked.contains("Hello world!") && picked.contains("Hi! How can I help?"), picked);
    }

    /** Anthropic Message Batches results (docs.anthropic.com, Message Batches, 2025). */
    @Test
    void anthropicBatchResults() throws IOException {
        JsonNode j = analyze("anthropic-batch/results.jsonl");
        assertEquals("anthropic-batch", j.get("inputs").get(0).get("format").asText());
        JsonNode all = j.get("overall");
        assertEquals(5, all.get("requests").asLong());
        assertEquals(3, all.get("errors").asLong());
        assertEquals(1, all.get("error_types").get("invalid_request_error").asLong());
        assertEquals(1, all.get("error_types").get("canceled").asLong());
        assertEquals(1, all.get("error_types").get("expired").asLong());
        // input tokens include cache reads and writes: (11 + 100) + (10 + 50)
        assertEquals(171, Cli.sum(all.get("input_tokens")), 1e-9);
        assertEquals(1, all.get("truncated").asLong(), "stop_reason max_tokens");
        JsonNode errored = analyze("anthropic-batch/all-errored.jsonl").get("overall");
        assertEquals(1.0, errored.get("error_rate").asDouble(), 0, "every request errored");
        assertEquals(3, errored.get("error_types").get("overloaded_error").asLong());
    }

    /** Helicone request exports (docs.helicone.ai, export columns), JSONL and CSV give the same figures. */
    @Test
    void heliconeJsonAndCsv() throws IOException {
        for (String f : new String[] {"helicone/requests.jsonl", "helicone/requests.csv"}) {
            JsonNode j = analyze(f);
            JsonNode all = j.get("overall");
            assertEquals(3, all.get("requests").asLong(), f);
            assertEquals(1, all.get("error_types").get("http_500").asLong(), f);
            // delay_ms 2000, and 4000 from response_created_at - request_created_at where delay_ms is empty
            assertEquals(3000.0, all.get("latency_ms").get("mean").asDouble(), 1e-9, f);
            assertEquals(235.0, all.get("ttft_ms").get("mean").asDouble(), 1e-9, f + ": time_to_first_token in ms");
            assertEquals(0.00224, all.get("cost").get("total_usd").asDouble(), 1e-12, f);
        }
        Path array = tmp.resolve("requests.json");
        Files.writeString(array, "[" + String.join(",", Files.readAllLines(DIR.resolve("helicone/requests.jsonl"))) + "]");
        JsonNode fromArray = Cli.analyzeJson(array.toString());
        assertEquals("helicone", fromArray.get("inputs").get(0).get("format").asText(), "a JSON array export");
        assertEquals(3000.0, fromArray.get("overall").get("latency_ms").get("mean").asDouble(), 1e-9);
        JsonNode byFeature = analyze("helicone/requests.jsonl", "--by", "properties.feature");
        assertEquals(2, byFeature.get("groups").size());
    }

    /** BurstGPT (github.com/HPMLL/BurstGPT README, v1.1 and v3 columns): 0 response tokens is a failure. */
    @Test
    void burstGpt() throws IOException {
        JsonNode v1 = analyze("burstgpt/BurstGPT_sample.csv", "--by", "log_type");
        assertEquals("burstgpt", v1.get("inputs").get(0).get("format").asText());
        assertEquals(1, v1.get("overall").get("error_types").get("empty response").asLong());
        assertEquals(2, v1.get("groups").size(), "API log and Conversation log");
        JsonNode v3 = analyze("burstgpt/BurstGPT_v3_sample.csv", "--by", "conversation");
        assertEquals(3250.0, v3.get("overall").get("latency_ms").get("mean").asDouble(), 1e-9, "Elapsed time in s");
        assertEquals("1001", v3.get("groups").get(0).get("key").get("conversation").asText());
    }

    @Test
    void conversationIsGroupableByTheNamesToolsGiveIt() throws IOException {
        Path f = tmp.resolve("conv.jsonl");
        Files.writeString(f, "{\"session_id\":\"s1\",\"output_tokens\":5}\n{\"conversation_id\":\"c9\",\"output_tokens\":7}\n"
                + "{\"metadata\":{\"session_id\":\"s1\"},\"output_tokens\":9}\n{\"gen_ai.conversation.id\":\"c9\"}\n");
        JsonNode j = Cli.analyzeJson(f.toString(), "--by", "conversation");
        assertEquals(2, j.get("groups").size());
        assertEquals("c9", j.get("groups").get(0).get("key").get("conversation").asText());
        assertEquals(2, j.get("groups").get(0).get("requests").asLong());
        assertEquals(2, j.get("groups").get(1).get("requests").asLong());
    }

    /**
     * Cached input is priced at cached_input_per_1m. OpenAI counts cached tokens inside its input tokens;
     * Anthropic does not, so its cache reads and writes are added to input tokens first.
     */
    @Test
    void cachedInputIsPricedSeparately_inEachProvidersConvention() throws IOException {
        Path reg = tmp.resolve("registry.yaml");
        Files.writeString(reg, String.join("\n", "schema_version: 1", "models:",
                "  claude-sonnet-4-20250514:",
                "    pricing: {input_per_1m: 3.00, output_per_1m: 15.00, cached_input_per_1m: 0.30}",
                "    versions:", "      - {id: sonnet-4, stage: production}",
                "  gpt-4o-mini-2024-07-18:",
                "    pricing: {input_per_1m: 0.15, output_per_1m: 0.60, cached_input_per_1m: 0.075}",
                "    versions:", "      - {id: mini, stage: production}", ""));
        // (11 uncached + 100 cache reads at 0.30 + 36 out) + (10 + 50 cache writes, at the input price, + 1024 out)
        JsonNode a = analyze("anthropic-batch/results.jsonl", "--registry", reg.toString()).get("overall").get("cost");
        assertEquals((11 * 3.0 + 100 * 0.30 + 36 * 15.0 + 60 * 3.0 + 1024 * 15.0) / 1e6, a.get("total_usd").asDouble(), 1e-15);
        assertEquals(2, a.get("from_registry").asLong());
        // OpenAI: 30 input of which 16 cached, 2 out; 22 input, 6 out
        JsonNode o = analyze("openai-batch/batch_output.jsonl", "--registry", reg.toString()).get("overall").get("cost");
        assertEquals((14 * 0.15 + 16 * 0.075 + 2 * 0.60 + 22 * 0.15 + 6 * 0.60) / 1e6, o.get("total_usd").asDouble(), 1e-15);
    }

    @Test
    void withoutVersionsTheDefaultGroupingIsByModel() {
        Cli.Result r = Cli.run("analyze", DIR.resolve("openai-batch/batch_output.jsonl").toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("gpt-4o-mini-2024-07-18"), r.out());
        assertEquals("mlops: no record has a version; grouped by model (give --by to choose)\n", r.err());
        Cli.Result given = Cli.run("analyze", DIR.resolve("openai-batch/batch_output.jsonl").toString(), "--by", "version");
        assertTrue(given.out().contains("(none)") && !given.out().contains("gpt-4o-mini"), given.out());
    }

    @Test
    void aBadBatchInputIsBadInput_namingItsLine() throws IOException {
        String out = DIR.resolve("openai-batch/batch_output.jsonl").toString();
        Path dup = tmp.resolve("dup.jsonl");
        Files.writeString(dup, "{\"custom_id\":\"a\",\"body\":{}}\n{\"custom_id\":\"a\",\"body\":{}}\n");
        Cli.Result r = Cli.run("analyze", out, "--join-input", dup.toString());
        assertEquals(3, r.exit(), r.toString());
        assertEquals("mlops: " + dup + ":2: custom_id a appears twice\n", r.err());
        Path broken = tmp.resolve("broken.jsonl");
        Files.writeString(broken, "{\"custom_id\":\"a\",\"body\":{}}\n{not json\n");
        Cli.Result b = Cli.run("analyze", out, "--join-input", broken.toString());
        assertEquals(3, b.exit(), b.toString());
        assertTrue(b.err().startsWith("mlops: " + broken + ":2: not JSON"), b.err());
        assertEquals(1, b.err().lines().count(), b.err());
        Cli.Result missing = Cli.run("analyze", out, "--join-input", tmp.resolve("nope.jsonl").toString());
        assertEquals(3, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("nope.jsonl: no such file"), missing.err());
    }
}

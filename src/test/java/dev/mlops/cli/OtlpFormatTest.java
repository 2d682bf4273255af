package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OTLP/JSON traces, detected and mapped with no --map. The fixtures are written from the
 * opentelemetry-proto 1.x JSON mapping (trace.proto) and the GenAI semantic conventions 1.37 (and the
 * older names before them), and OpenInference 0.1 (src/test/resources/formats/otlp). Expected figures are
 * hand calculations over the fixture's spans.
 */
class OtlpFormatTest {
    private static final Path DIR = Paths.get("src/test/resources/formats/otlp");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void spansWithGenAiAttributesAreRequests_andOthersAreSkipped() throws IOException {
        JsonNode j = Cli.analyzeJson(DIR.resolve("collector-file-exporter.jsonl").toString());
        JsonNode in = j.get("inputs").get(0);
        assertEquals("otlp", in.get("format").asText());
        assertEquals(4, in.get("records").asLong());
        assertEquals(2, in.get("skipped").asLong(), "an HTTP span and an OpenInference RETRIEVER span");
        JsonNode all = j.get("overall");
        assertEquals(4, all.get("requests").asLong());
        // error.type, and a status code 2 (as a name and as a number) without error.type
        assertEquals(2, all.get("errors").asLong());
        assertEquals(1, all.get("error_types").get("rate_limit_exceeded").asLong());
        assertEquals(1, all.get("error_types").get("upstream timeout").asLong());
        // latency = endTimeUnixNano - startTimeUnixNano over the two successful spans: 1500 and 3000 ms
        assertEquals(2250.0, all.get("latency_ms").get("mean").asDouble(), 1e-9);
        assertEquals(3000.0, all.get("latency_ms").get("max").asDouble(), 1e-9);
        // gen_ai.response.time_to_first_chunk is in seconds
        assertEquals(250.0, all.get("ttft_ms").get("p50").asDouble(), 1e-9);
        // intValue as a string ("120") and as a number (30); OpenInference llm.token_count.*
        assertEquals(80.0, all.get("input_tokens").get("mean").asDouble(), 1e-9);
        assertEquals(45.0, all.get("output_tokens").get("mean").asDouble(), 1e-9);
        assertEquals(0.0, all.get("truncation_rate").asDouble(), 1e-9);
        assertEquals("2025-12-01T12:00:00Z", all.get("first").asText());
    }

    @Test
    void resourceAttributesAndConversationsAreGroupable() throws IOException {
        JsonNode j = Cli.analyzeJson(DIR.resolve("collector-file-exporter.jsonl").toString(), "--by", "service.name");
        assertEquals("batch-worker", j.get("groups").get(0).get("key").get("service.name").asText());
        assertEquals(1, j.get("groups").get(0).get("requests").asLong());
        assertEquals(3, j.get("groups").get(1).get("requests").asLong());
        JsonNode c = Cli.analyzeJson(DIR.resolve("collector-file-exporter.jsonl").toString(), "--by", "conversation,model");
        String flat = c.get("groups").toString();
        assertTrue(flat.contains("{\"conversation\":\"conv-1\",\"model\":\"gpt-4o-2024-08-06\"}"),
                "gen_ai.response.model wins over the request's: " + flat);
        assertTrue(flat.contains("{\"conversation\":\"sess-9\",\"model\":\"gpt-4o-mini\"}"), flat);
    }

    @Test
    void anOtlpHttpRequestBodyIsOnePrettyDocument_alsoGzipped() throws IOException {
        Path gz = tmp.resolve("export.json.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(DIR.resolve("otlp-http-request.json")));
        }
        for (String f : new String[] {DIR.resolve("otlp-http-request.json").toString(), gz.toString()}) {
            JsonNode j = Cli.analyzeJson(f);
            assertEquals(1, j.get("overall").get("requests").asLong(), f);
            assertEquals(1, j.get("inputs").get(0).get("skipped").asLong(), f);
            assertEquals(40.0, j.get("overall").get("input_tokens").get("mean").asDouble(), 1e-9);
        }
    }

    @Test
    void promptAndResponseComeFromTheMessages() throws IOException {
        Path out = tmp.resolve("picked.jsonl");
        Cli.Result r = Cli.run("select", DIR.resolve("collector-file-exporter.jsonl").toString(), "-n", "2", "-o",
                out.toString());
        assertEquals(0, r.exit(), r.toString());
        String picked = Files.readString(out);
        // gen_ai.input.messages as a JSON string, gen_ai.output.messages as structured values
        assertTrue(picked.contains("\"What is the capital of France?\"") && picked.contains("\"Paris.\""), picked);
        // OpenInference's llm.input_messages.N.message.content
        assertTrue(picked.contains("\"Summarise this\"") && picked.contains("\"A summary.\""), picked);
    }

    @Test
    void aTraceWithoutGenAiSpansIsBadInput() {
        Cli.Result r = Cli.run("analyze", DIR.resolve("no-genai.json").toString());
        assertEquals(3, r.exit(), r.toString());
        assertEquals("mlops: " + DIR.resolve("no-genai.json") + ": 3 spans read, none has gen_ai attributes\n", r.err());
    }

    @Test
    void aNamedFormatThatDoesNotMatchSaysWhatWasFound() throws IOException {
        Path jsonl = tmp.resolve("plain.jsonl");
        Files.writeString(jsonl, "{\"model\":\"m\",\"latency_ms\":5}\n");
        Cli.Result r = Cli.run("analyze", jsonl.toString(), "--input-format", "otlp");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("is not otlp (it looks like jsonl), but --input-format is otlp"), r.err());
    }

    @Test
    void aBrokenDocumentIsABadRecordNamedByItsSpan_andTheSpansBeforeItCount() throws IOException {
        String good = Files.readString(DIR.resolve("collector-file-exporter.jsonl")).lines().findFirst().orElseThrow();
        Path broken = tmp.resolve("broken.jsonl");
        Files.writeString(broken, good + "\n{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{\"name\": \n");
        Cli.Result r = Cli.run("analyze", broken.toString(), "--format", "json", "--max-bad-lines", "1");
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(3, j.get("overall").get("requests").asLong());
        assertEquals(1, j.get("records").get("bad").asLong());
        assertTrue(r.err().contains(broken + ":span 5: malformed JSON, the rest of the file is not read"), r.err());
        assertEquals(3, Cli.run("analyze", broken.toString(), "--max-bad-lines", "0").exit());
    }

    @Test
    void aSpanWithABadTimeIsABadRecord() throws IOException {
        Path f = tmp.resolve("badtime.json");
        Cli.Result r = Cli.analyzeWritten(f, Files.readString(DIR.resolve("otlp-http-request.json"))
                .replaceFirst("\"startTimeUnixNano\": \"\\d+\"", "\"startTimeUnixNano\": \"soon\""));
        assertEquals(3, r.exit(), "the only request is bad, so nothing is read: " + r);
        assertTrue(r.err().contains("startTimeUnixNano is not a time in nanoseconds: soon"), r.err());
    }

    @Test
    void anElementLongerThanMaxLineBytesIsABadRecord_neverHeldWhole() throws IOException {
        String good = Files.readString(DIR.resolve("collector-file-exporter.jsonl")).lines().findFirst().orElseThrow();
        String huge = good.replace("\"Paris.\"", "\"" + "x".repeat(200_000) + "\"");
        assertTrue(huge.length() > 200_000);
        Path f = tmp.resolve("huge.jsonl");
        Cli.Result r = Cli.analyzeWritten(f, good + "\n" + huge + "\n", "--max-line-bytes", "65536", "--max-bad-lines", "5");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("a span is longer than 65536 bytes (--max-line-bytes); the rest of the file is not "
                + "read"), r.err());
        assertTrue(r.out().contains("3 read, 1 bad"), r.out());
        assertEquals(0, Cli.run("analyze", f.toString()).exit(), "under the default limit it is read");
    }

    /** The older conventions (before gen_ai.input.messages): one span event per message, the answer as gen_ai.choice. */
    @Test
    void promptAndResponseFromTheOlderPerMessageEvents() throws IOException {
        String span = "{\"traceId\":\"5b8efff798038103d269b633813fc60c\",\"spanId\":\"eee19b7ec3c1b174\",\"name\":\"chat\","
                + "\"startTimeUnixNano\":\"1764590400000000000\",\"endTimeUnixNano\":\"1764590401000000000\","
                + "\"attributes\":[{\"key\":\"gen_ai.system\",\"value\":{\"stringValue\":\"openai\"}},"
                + "{\"key\":\"gen_ai.usage.input_tokens\",\"value\":{\"intValue\":12}},"
                + "{\"key\":\"gen_ai.usage.output_tokens\",\"value\":{\"intValue\":5}}],"
                + "\"events\":[{\"name\":\"gen_ai.user.message\",\"attributes\":[{\"key\":\"gen_ai.event.content\","
                + "\"value\":{\"stringValue\":\"{\\\"content\\\": \\\"Say this is a test\\\"}\"}}]},"
                + "{\"name\":\"gen_ai.choice\",\"body\":{\"kvlistValue\":{\"values\":[{\"key\":\"message\",\"value\":"
                + "{\"kvlistValue\":{\"values\":[{\"key\":\"content\",\"value\":{\"stringValue\":\"This is a test.\"}}]}}}]}}}],"
                + "\"status\":{}}";
        Path f = tmp.resolve("events.json");
        Files.writeString(f, "{\"resourceSpans\":[{\"resource\":{},\"scopeSpans\":[{\"spans\":[" + span + "]}]}]}\n");
        Path out = tmp.resolve("picked.jsonl");
        Cli.Result r = Cli.run("select", f.toString(), "-n", "1", "-o", out.toString());
        assertEquals(0, r.exit(), r.toString());
        String picked = Files.readString(out);
        assertTrue(picked.contains("\"Say this is a test\"") && picked.contains("\"This is a test.\""), picked);
    }
}

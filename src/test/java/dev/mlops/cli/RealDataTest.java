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
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Real public data as an oracle written by others (../shared/data, not copied into the project).
 * LLMPerf's own summary files state numpy linear percentiles over the non-error requests; the
 * Azure trace figures are in ../shared/data/README.md. Skipped when the folder is missing.
 */
class RealDataTest {
    static final Path DATA = Paths.get("..", "shared", "data");
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void sayWhenDataIsMissing() {
        if (!Files.isDirectory(DATA)) {
            System.err.println("RealDataTest: skipped, because the real data folder " + DATA.toAbsolutePath()
                    + " is missing (it lives in ../shared/data beside the project)");
        }
    }

    @BeforeEach
    void needData() {
        assumeTrue(Files.isDirectory(DATA), "skipped: the real data folder ../shared/data is missing");
    }

    private static JsonNode analyze(Path file, String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("analyze", file.toString(), "--format", "json"));
        args.addAll(List.of(extra));
        Cli.Result r = Cli.run(args.toArray(new String[0]));
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err().replace("mlops: no record has a version; grouped by model (give --by to choose)\n", ""),
                "no bad lines");
        return JSON.readTree(r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"together_70b", "anyscale_7b", "lepton_70b", "bedrock_13b"})
    void shouldReproduceTheLlmPerfSummary(String run) throws IOException {
        Path individual = DATA.resolve("llmperf-2023/individual/" + run + ".json");
        JsonNode summary = JSON.readTree(DATA.resolve("llmperf-2023/summary/" + run + ".json").toFile());
        JsonNode j = analyze(individual);
        assertEquals("llmperf", j.get("inputs").get(0).get("format").asText());
        assertEquals(0, j.get("records").get("bad").asLong());
        JsonNode g = j.get("overall");
        assertEquals(summary.get("results_num_requests_started").asLong(), g.get("requests").asLong());
        assertEquals(summary.get("results_number_errors").asLong(), g.get("errors").asLong());
        assertEquals(summary.get("results_error_rate").asDouble(), g.get("error_rate").asDouble(), 1e-12);
        assertEquals(summary.get("results_num_completed_requests").asLong(), g.get("latency_ms").get("count").asLong());
        for (String[] m : new String[][] {{"end_to_end_latency_s", "latency_ms"}, {"ttft_s", "ttft_ms"}}) {
            JsonNode ours = g.get(m[1]);
            for (String q : List.of("p50", "p90", "p95", "p99")) {
                assertEquals(summary.get("results_" + m[0] + "_quantiles_" + q).asDouble(),
                        ours.get(q).asDouble() / 1000, 1e-9, run + " " + m[0] + " " + q);
            }
            for (String s : List.of("mean", "min", "max")) {
                assertEquals(Double.parseDouble(summary.get("results_" + m[0] + "_" + s).asText()),
                        ours.get(s).asDouble() / 1000, 1e-9, run + " " + m[0] + " " + s);
            }
        }
    }

    @Test
    void shouldReportErrorTypes_asTheLlmPerfSummaryCountsThem() throws IOException {
        assertEquals(130, analyze(DATA.resolve("llmperf-2023/individual/lepton_70b.json"))
                .get("overall").get("error_types").get("429").asLong());
        assertEquals(97, analyze(DATA.resolve("llmperf-2023/individual/bedrock_13b.json"))
                .get("overall").get("error_types").get("-100").asLong());
    }

    /**
     * Figures of ../shared/data/README.md, and numpy to more digits:
     * python3 -c "import numpy as np,csv; r=list(csv.DictReader(open('AzureLLMInferenceTrace_code.csv')));
     *   x=np.array([int(a['ContextTokens']) for a in r]); print(x.mean(), np.percentile(x,[50,90,99]))"
     * → 2047.848282118154 [1469. 5187.6 7436.]; GeneratedTokens → 27.88252636353328 [13. 55. 251.46]
     */
    @Test
    void shouldReproduceTheAzureTraceFigures() throws IOException {
        Path trace = DATA.resolve("azure-llm-trace-2023/AzureLLMInferenceTrace_code.csv");
        JsonNode j = analyze(trace);
        assertEquals("azure-trace", j.get("inputs").get(0).get("format").asText());
        JsonNode g = j.get("overall");
        assertEquals(8819, g.get("requests").asLong());
        JsonNode in = g.get("input_tokens");
        assertEquals(2047.848282118154, in.get("mean").asDouble(), 1e-9);
        assertEquals(1469, in.get("p50").asDouble(), 1e-9);
        assertEquals(5187.6, in.get("p90").asDouble(), 1e-9);
        assertEquals(7436, in.get("p99").asDouble(), 1e-9);
        assertEquals(3, in.get("min").asDouble());
        assertEquals(7437, in.get("max").asDouble());
        JsonNode out = g.get("output_tokens");
        assertEquals(27.88252636353328, out.get("mean").asDouble(), 1e-9);
        assertEquals(13, out.get("p50").asDouble(), 1e-9);
        assertEquals(55, out.get("p90").asDouble(), 1e-9);
        assertEquals(251.46, out.get("p99").asDouble(), 1e-9);
        assertEquals(6, out.get("min").asDouble());
        assertEquals(1899, out.get("max").asDouble());
        assertEquals("2023-11-16T18:17:03.979960Z", g.get("first").asText());
        assertEquals("2023-11-16T19:14:19.928016Z", g.get("last").asText());
        JsonNode forced = analyze(trace, "--input-format", "azure-trace");
        assertEquals(8819, forced.get("overall").get("requests").asLong());
    }

    /** No reader knows Langfuse trace exports yet: they are refused as holding nothing, not shown as an empty report. */
    @Test
    void shouldRefuseAFileThatHoldsNoLogFields_ratherThanReportNothing() throws IOException {
        // pairwise reviews are not request logs (the Langfuse exports used to be refused here: they are a format now)
        try (var files = Files.list(DATA.resolve("prd-vicuna80-gpt4-reviewer"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".jsonl")).limit(3).toList()) {
                Cli.Result r = Cli.run("analyze", p.toString());
                assertEquals(3, r.exit(), r.toString());
                assertTrue(r.err().contains("no record has tokens, latency, status, cost or text"), r.err());
                assertTrue(r.err().contains("--input-format"), r.err());
            }
        }
    }

    @Test
    void shouldReadEveryDataFile_withZeroBadLines() throws IOException {
        try (var files = Files.walk(DATA)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".csv"))
                    .filter(f -> !f.toString().contains("summary")).toList()) {
                JsonNode j = analyze(p);
                assertEquals(0, j.get("records").get("bad").asLong(), p.toString());
                assertEquals(true, j.get("records").get("read").asLong() > 0, p.toString());
            }
        }
    }

    @Test
    void byFileGroupsEachInputFile_llmperfRunsAreProviders() throws IOException {
        try (var files = Files.list(DATA.resolve("llmperf-2023").resolve("individual"))) {
            String[] args = files.map(Path::toString).sorted().toArray(String[]::new);
            String[] all = java.util.Arrays.copyOf(args, args.length + 2);
            all[args.length] = "--by";
            all[args.length + 1] = "file";
            JsonNode j = Cli.analyzeJson(all);
            assertEquals(4, j.get("groups").size());
            java.util.Map<String, Double> rate = new java.util.TreeMap<>();
            java.util.Map<String, Double> p50 = new java.util.TreeMap<>();
            for (JsonNode g : j.get("groups")) {
                String run = Paths.get(g.get("key").get("file").asText()).getFileName().toString().replace(".json", "");
                rate.put(run, g.get("error_rate").asDouble());
                p50.put(run, g.get("latency_ms").get("p50").asDouble());
            }
            // ../shared/data/README.md: error rates and e2e p50 over the non-error requests
            assertEquals(0.0, rate.get("together_70b"), 1e-12);
            assertEquals(130 / 150.0, rate.get("lepton_70b"), 1e-12);
            assertEquals(97 / 150.0, rate.get("bedrock_13b"), 1e-12);
            assertEquals(2438.425, p50.get("together_70b"), 1e-3);
            assertEquals(4566.560, p50.get("lepton_70b"), 1e-3);
            assertEquals(3997.571, p50.get("bedrock_13b"), 1e-3);
        }
    }
}

package dev.mlops.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the benchmark log's requests (the same draws as {@link GenerateLog}: tokens, latency, errors,
 * prompt and response text) in the shape of an export: jsonl, litellm, openai-batch, anthropic-batch,
 * helicone or otlp (one resourceSpans document of 100 spans a line, as the Collector's file exporter
 * writes them). Usage: GenerateExports FORMAT FILE RECORDS
 */
public final class GenerateExports {
    private GenerateExports() {
    }

    public static void main(String[] args) throws IOException {
        String format = args[0];
        Path out = Paths.get(args[1]);
        long n = Long.parseLong(args[2]);
        SplittableRandom r = new SplittableRandom(42);
        long t0 = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
        StringBuilder sb = new StringBuilder(1 << 16);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (long i = 0; i < n; i++) {
                int in = (int) Math.exp(5.5 + 0.8 * gaussian(r));
                int outTok = (int) Math.exp(4.8 + 0.7 * gaussian(r));
                double ttft = Math.exp(5.7 + 0.3 * gaussian(r));
                double latency = ttft + outTok * (18 + 12 * r.nextDouble());
                boolean error = r.nextDouble() < 0.02;
                long start = t0 + i * 50;
                String prompt = words(r, 45 + r.nextInt(30));
                String response = words(r, 58 + r.nextInt(40));
                String version = "v1" + (1 + i % 3);
                switch (format) {
                    case "litellm" -> sb.append(String.format(Locale.ROOT, "{\"id\":\"req-%d\",\"call_type\":\"acompletion\","
                            + "\"status\":\"%s\",\"startTime\":%.3f,\"endTime\":%.3f,\"completionStartTime\":%.3f,"
                            + "\"model\":\"support-bot\",\"model_group\":\"%s\",\"response_cost\":%.6f,\"prompt_tokens\":%d,"
                            + "\"completion_tokens\":%d,\"total_tokens\":%d,\"end_user\":\"u%d\",\"metadata\":{\"user_api_key_alias\":\"k\"},"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"%s\"}],\"response\":{\"choices\":[{\"finish_reason\":\"stop\","
                            + "\"message\":{\"role\":\"assistant\",\"content\":\"%s\"}}]},\"error_information\":{\"error_class\":\"%s\"}}\n",
                            i, error ? "failure" : "success", start / 1e3, (start + latency) / 1e3, (start + ttft) / 1e3,
                            version, in * 2e-7, in, error ? 0 : outTok, in + outTok, r.nextInt(50_000), prompt, response,
                            error ? "RateLimitError" : ""));
                    case "openai-batch" -> sb.append(String.format(Locale.ROOT, "{\"id\":\"batch_req_%d\",\"custom_id\":\"r-%d\","
                            + "\"response\":{\"status_code\":%d,\"request_id\":\"q%d\",\"body\":{\"id\":\"c%d\",\"object\":\"chat.completion\","
                            + "\"created\":%d,\"model\":\"%s\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"%s\"},"
                            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":%d,\"completion_tokens\":%d,\"total_tokens\":%d}}},"
                            + "\"error\":null}\n", i, i, error ? 500 : 200, i, i, start / 1000, version, response, in, outTok,
                            in + outTok));
                    case "anthropic-batch" -> sb.append(String.format(Locale.ROOT, "{\"custom_id\":\"r-%d\",\"result\":{\"type\":\"%s\","
                            + "\"message\":{\"id\":\"msg_%d\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"%s\",\"content\":"
                            + "[{\"type\":\"text\",\"text\":\"%s\"}],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":%d,"
                            + "\"cache_read_input_tokens\":0,\"output_tokens\":%d}}}}\n", i, error ? "errored" : "succeeded", i,
                            version, response, in, outTok));
                    case "helicone" -> sb.append(String.format(Locale.ROOT, "{\"request_id\":\"req-%d\",\"request_created_at\":\"%s\","
                            + "\"response_created_at\":\"%s\",\"response_status\":%d,\"model\":\"%s\",\"prompt_tokens\":%d,"
                            + "\"completion_tokens\":%d,\"delay_ms\":%.1f,\"time_to_first_token\":%.1f,\"costUSD\":%.6f,"
                            + "\"properties\":{\"segment\":\"pro\"},\"request_body\":{\"messages\":[{\"role\":\"user\",\"content\":\"%s\"}]},"
                            + "\"response_body\":{\"choices\":[{\"message\":{\"content\":\"%s\"}}]}}\n", i,
                            Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + (long) latency), error ? 500 : 200, version,
                            in, outTok, latency, ttft, in * 2e-7, prompt, response));
                    case "otlp" -> {
                        if (i % 100 == 0) {
                            sb.append("{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
                                    + "{\"stringValue\":\"support-bot\"}}]},\"scopeSpans\":[{\"scope\":{\"name\":\"gen\"},\"spans\":[");
                        } else {
                            sb.append(',');
                        }
                        long startNs = start * 1_000_000L;
                        sb.append(String.format(Locale.ROOT, "{\"traceId\":\"%032x\",\"spanId\":\"%016x\",\"name\":\"chat %s\",\"kind\":3,"
                                + "\"startTimeUnixNano\":\"%d\",\"endTimeUnixNano\":\"%d\",\"attributes\":["
                                + "{\"key\":\"gen_ai.operation.name\",\"value\":{\"stringValue\":\"chat\"}},"
                                + "{\"key\":\"gen_ai.request.model\",\"value\":{\"stringValue\":\"%s\"}},"
                                + "{\"key\":\"gen_ai.usage.input_tokens\",\"value\":{\"intValue\":\"%d\"}},"
                                + "{\"key\":\"gen_ai.usage.output_tokens\",\"value\":{\"intValue\":\"%d\"}},"
                                + "{\"key\":\"gen_ai.response.finish_reasons\",\"value\":{\"arrayValue\":{\"values\":[{\"stringValue\":\"stop\"}]}}},"
                                + "{\"key\":\"gen_ai.input.messages\",\"value\":{\"stringValue\":\"[{\\\"role\\\":\\\"user\\\",\\\"parts\\\":"
                                + "[{\\\"type\\\":\\\"text\\\",\\\"content\\\":\\\"%s\\\"}]}]\"}}],\"status\":{\"code\":%d}}",
                                i, i, version, startNs, startNs + (long) (latency * 1e6), version, in, outTok,
                                prompt.replace("\\\"", "'").replace("\\n", " "), error ? 2 : 1));
                        if (i % 100 == 99 || i == n - 1) {
                            sb.append("]}]}]}\n");
                        }
                    }
                    default -> sb.append(String.format(Locale.ROOT, "{\"request_id\":\"req-%d\",\"timestamp\":\"%s\","
                            + "\"model\":\"support-bot\",\"version\":\"%s\",\"prompt\":\"%s\",\"response\":\"%s\","
                            + "\"usage\":{\"prompt_tokens\":%d,\"completion_tokens\":%d},\"latency_ms\":%.1f,\"ttft_ms\":%.1f,"
                            + "\"status\":\"%s\"}\n", i, Instant.ofEpochMilli(start), version, prompt, response, in, outTok,
                            latency, ttft, error ? "error" : "ok"));
                }
                if (sb.length() > 1 << 15) {
                    w.write(sb.toString());
                    sb.setLength(0);
                }
            }
            w.write(sb.toString());
        }
    }

    private static String words(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder(n * 7);
        String[] words = GenerateLogWords.WORDS;
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                sb.append(k % 17 == 0 ? ". " : " ");
            }
            sb.append(words[r.nextInt(words.length)]);
        }
        if (r.nextInt(10) == 0) {
            sb.append(" \\\"quoted\\\"\\n");
        }
        return sb.toString();
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** The vocabulary of {@link GenerateLog}. */
    private static final class GenerateLogWords {
        static final String[] WORDS = ("the a to of and in is for on with my how can you what please help "
                + "account password reset invoice refund policy remote work contract country tax subscription cancel "
                + "export data csv error message login update plan annual monthly price upgrade downgrade team member "
                + "permission access api key limit rate request response model version deploy latency token support "
                + "question answer thanks hello issue problem fix bug feature release note customer order shipping")
                .split(" ");
    }
}

package dev.mlops.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The baseline: a plain single-threaded Jackson streaming loop that reads only the fields
 * analyze needs (version, status, latency_ms, ttft_ms, usage.prompt_tokens,
 * usage.completion_tokens, finish_reason) and prints per-version latency percentiles.
 */
public final class JacksonLoop {
    private JacksonLoop() {
    }

    static final class Values {
        double[] v = new double[1024];
        int n;

        void add(double x) {
            if (n == v.length) {
                v = Arrays.copyOf(v, n * 2);
            }
            v[n++] = x;
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, Values> latency = new HashMap<>();
        long records = 0;
        long inputTokens = 0;
        long outputTokens = 0;
        long errors = 0;
        try (JsonParser p = new JsonFactory().createParser(new File(args[0]))) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                records++;
                String version = null;
                String status = null;
                double lat = Double.NaN;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    switch (name) {
                        case "version": version = p.getText(); break;
                        case "status": status = p.getText(); break;
                        case "latency_ms": lat = p.getDoubleValue(); break;
                        case "ttft_ms": p.getDoubleValue(); break;
                        case "finish_reason": p.getText(); break;
                        case "usage":
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String u = p.currentName();
                                p.nextToken();
                                if (u.equals("prompt_tokens")) {
                                    inputTokens += p.getLongValue();
                                } else if (u.equals("completion_tokens")) {
                                    outputTokens += p.getLongValue();
                                } else {
                                    p.skipChildren();
                                }
                            }
                            break;
                        default:
                            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                                p.skipChildren();
                            }
                    }
                }
                if ("error".equals(status)) {
                    errors++;
                } else {
                    latency.computeIfAbsent(version, k -> new Values()).add(lat);
                }
            }
        }
        Map<String, String> out = new TreeMap<>();
        latency.forEach((k, v) -> {
            double[] s = Arrays.copyOf(v.v, v.n);
            Arrays.sort(s);
            out.put(k, String.format(java.util.Locale.ROOT, "n=%d p50=%.1f p99=%.1f", s.length,
                    s[(int) ((s.length - 1) * 0.5)], s[(int) ((s.length - 1) * 0.99)]));
        });
        System.out.println("records=" + records + " errors=" + errors + " input=" + inputTokens + " output="
                + outputTokens + " " + out);
    }
}

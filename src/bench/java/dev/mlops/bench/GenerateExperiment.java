package dev.mlops.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes an A/B test's request log with USERS distinct users, one request each, in two arms:
 * status, latency and output tokens. Seeded: the same file every time. Usage: GenerateExperiment FILE USERS
 */
public final class GenerateExperiment {
    private GenerateExperiment() {
    }

    public static void main(String[] args) throws IOException {
        long users = Long.parseLong(args[1]);
        SplittableRandom r = new SplittableRandom(7);
        StringBuilder sb = new StringBuilder(256);
        try (BufferedWriter w = Files.newBufferedWriter(Paths.get(args[0]), StandardCharsets.UTF_8)) {
            for (long u = 0; u < users; u++) {
                boolean b = r.nextBoolean();
                boolean error = r.nextDouble() < (b ? 0.021 : 0.02);
                sb.setLength(0);
                sb.append("{\"user\":\"user-").append(u).append("\",\"arm\":\"").append(b ? "treatment" : "control")
                        .append("\",\"latency_ms\":").append(String.format(Locale.ROOT, "%.1f", 400 + 600 * r.nextDouble()))
                        .append(",\"usage\":{\"completion_tokens\":").append(20 + r.nextInt(400))
                        .append("},\"status\":\"").append(error ? "error" : "ok").append("\"}\n");
                w.write(sb.toString());
            }
        }
    }
}

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
 * Writes a realistic JSONL inference log: request metadata, nested usage and metadata objects,
 * and prompt and response text (about 1,300 bytes a line). Seeded: the same file every time.
 * Usage: GenerateLog FILE LINES
 */
public final class GenerateLog {
    private static final String[] WORDS = ("the a to of and in is for on with my how can you what please help "
            + "account password reset invoice refund policy remote work contract country tax subscription cancel "
            + "export data csv error message login update plan annual monthly price upgrade downgrade team member "
            + "permission access api key limit rate request response model version deploy latency token support "
            + "question answer thanks hello issue problem fix bug feature release note customer order shipping")
            .split(" ");
    private static final String[] VERSIONS = {"v11", "v12", "v13"};
    private static final String[] SEGMENTS = {"free", "pro", "enterprise"};
    private static final String[] REGIONS = {"eu-west", "us-east", "ap-south"};

    private GenerateLog() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Paths.get(args[0]);
        long lines = Long.parseLong(args[1]);
        SplittableRandom r = new SplittableRandom(42);
        long t0 = Instant.parse("2026-11-01T00:00:00Z").getEpochSecond();
        StringBuilder sb = new StringBuilder(4096);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (long i = 0; i < lines; i++) {
                sb.setLength(0);
                String version = VERSIONS[(int) (i % 3)];
                int in = (int) Math.exp(5.5 + 0.8 * gaussian(r));
                int outTok = (int) Math.exp(4.8 + 0.7 * gaussian(r));
                double ttft = Math.exp(5.7 + 0.3 * gaussian(r));
                double latency = ttft + outTok * (18 + 12 * r.nextDouble());
                boolean error = r.nextDouble() < 0.02;
                sb.append("{\"request_id\":\"req-").append(i).append("\",\"timestamp\":\"")
                        .append(Instant.ofEpochSecond(t0 + i / 20, (i % 20) * 50_000_000L))
                        .append("\",\"model\":\"support-bot\",\"version\":\"").append(version)
                        .append("\",\"stage\":\"production\",\"user\":\"u").append(r.nextInt(50_000))
                        .append("\",\"segment\":\"").append(SEGMENTS[r.nextInt(3)])
                        .append("\",\"metadata\":{\"region\":\"").append(REGIONS[r.nextInt(3)])
                        .append("\",\"client\":\"web\",\"trace\":{\"span\":\"").append(Long.toHexString(r.nextLong()))
                        .append("\",\"sampled\":true}},\"prompt\":\"");
                words(sb, r, 45 + r.nextInt(30));
                sb.append("\",\"response\":\"");
                words(sb, r, 58 + r.nextInt(40));
                sb.append("\",\"usage\":{\"prompt_tokens\":").append(in).append(",\"completion_tokens\":")
                        .append(error ? 0 : outTok).append(",\"total_tokens\":").append(in + (error ? 0 : outTok))
                        .append("},\"latency_ms\":").append(String.format(Locale.ROOT, "%.1f", latency))
                        .append(",\"ttft_ms\":").append(String.format(Locale.ROOT, "%.1f", ttft))
                        .append(",\"finish_reason\":\"").append(outTok > 500 ? "length" : "stop")
                        .append("\",\"status\":\"").append(error ? "error" : "ok").append("\"}\n");
                w.write(sb.toString());
            }
        }
    }

    private static void words(StringBuilder sb, SplittableRandom r, int n) {
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                sb.append(k % 17 == 0 ? ". " : " ");
            }
            sb.append(WORDS[r.nextInt(WORDS.length)]);
        }
        if (r.nextInt(10) == 0) {
            sb.append(" \\\"quoted\\\"\\n");
        }
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}

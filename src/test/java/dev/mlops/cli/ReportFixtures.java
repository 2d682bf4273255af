package dev.mlops.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded data for the HTML reports: a two-day log whose second day has more errors, slower and
 * longer answers and a new topic (health's change points, drift), whose clicks rise while thumbs
 * fall hour by hour (collapse), and votes among four models with
 * one position-biased judge (compare).
 */
final class ReportFixtures {
    static final String[] WORDS = {"password", "reset", "invoice", "refund", "account", "login", "export", "plan"};

    private ReportFixtures() {
    }

    /** One request every 30 s for two days from 2026-11-01; from 2026-11-02 errors rise from 1% to 8%. */
    static Path shiftingLog(Path dir) throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        StringBuilder sb = new StringBuilder();
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < 5760; i++) {
            boolean late = i >= 2880;
            Instant t = t0.plusSeconds(30L * i);
            boolean error = r.nextDouble() < (late ? 0.08 : 0.01);
            double latency = Math.exp(6.8 + 0.4 * gauss(r)) * (late ? 1.5 : 1);
            long out = Math.round(Math.exp(4.6 + 0.6 * gauss(r)) * (late ? 1.5 : 1));
            String prompt = WORDS[r.nextInt(WORDS.length)] + " " + WORDS[r.nextInt(WORDS.length)]
                    + (late && r.nextDouble() < 0.2 ? " remote work" : "");
            double hour = i / 120.0;
            boolean clicked = r.nextDouble() < 0.3 + 0.01 * hour;
            int thumbs = r.nextDouble() < 0.8 - 0.008 * hour ? 1 : -1;
            sb.append(String.format(Locale.ROOT, "{\"request_id\":\"r%d\",\"timestamp\":\"%s\",\"model\":\"bot\","
                            + "\"version\":\"v%d\",\"user\":\"u%d\",\"prompt\":\"%s\",\"response\":\"ok %s\","
                            + "\"usage\":{\"prompt_tokens\":%d,\"completion_tokens\":%d},\"latency_ms\":%.1f,"
                            + "\"ttft_ms\":%.1f,\"status\":\"%s\"%s,\"feedback\":{\"clicked\":%d,\"thumbs\":%d}}%n", i, t, late ? 2 : 1, r.nextInt(500), prompt,
                    prompt, 20 + r.nextInt(200), out, latency, latency * 0.2, error ? "error" : "ok",
                    error ? ",\"error_type\":\"" + (r.nextBoolean() ? "timeout" : "rate_limit") + "\"" : "",
                    clicked ? 1 : 0, thumbs));
        }
        return Files.writeString(dir.resolve("shifting.jsonl"), sb);
    }

    /** 800 votes among A > B > C > D (Bradley-Terry strengths 4, 2, 1, 0.5); judge j2 favours the first answer. */
    static Path votes(Path dir) throws IOException {
        SplittableRandom r = new SplittableRandom(11);
        String[] models = {"A", "B", "C", "D"};
        double[] strength = {4, 2, 1, 0.5};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 800; i++) {
            int a = r.nextInt(4);
            int b = (a + 1 + r.nextInt(3)) % 4;
            boolean biased = i % 2 == 1;
            double pa = strength[a] / (strength[a] + strength[b]);
            if (biased) {
                pa = Math.min(0.95, pa + 0.2);
            }
            double u = r.nextDouble();
            String winner = u < 0.1 ? "tie" : r.nextDouble() < pa ? "model_a" : "model_b";
            sb.append(String.format(Locale.ROOT, "{\"id\":\"q%d\",\"model_a\":\"%s\",\"model_b\":\"%s\",\"winner\":\"%s\","
                    + "\"first_shown\":\"model_a\",\"judge\":\"%s\",\"segment\":\"%s\",\"length_a\":%d,"
                    + "\"length_b\":%d}%n", i / 2, models[a], models[b], winner, biased ? "j2" : "j1",
                    i % 3 == 0 ? "code" : "chat", 100 + 40 * a + r.nextInt(80), 100 + 40 * b + r.nextInt(80)));
        }
        return Files.writeString(dir.resolve("votes.jsonl"), sb);
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}

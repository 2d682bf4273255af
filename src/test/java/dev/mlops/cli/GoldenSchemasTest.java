package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON contract of every report and release file, byte for byte, on fixed inputs and a fixed
 * clock: a safety net for moving code. To accept an intended change:
 * mvn test -Dtest=GoldenSchemasTest -Dgolden.update=true, then review and explain the diff.
 */
class GoldenSchemasTest {
    private static final Path GOLDEN = Paths.get("src/test/resources/golden");
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path dir;
    ReleaseFixture f;
    Env env;

    @BeforeEach
    void setUp() throws IOException {
        f = new ReleaseFixture(dir);
        env = f.env.withClock(Clock.fixed(NOW, ZoneOffset.UTC));
        Files.writeString(dir.resolve("feedback.jsonl"), feedbackLog());
    }

    private String run(String... args) {
        Cli.Result r = Cli.run(env, args);
        if (r.exit() != 0 && r.exit() != 1) {
            throw new AssertionError(String.join(" ", args) + ": " + r);
        }
        return r.out();
    }

    private static void golden(String name, String actual) throws IOException {
        Path p = GOLDEN.resolve(name + ".json");
        if (Boolean.getBoolean("golden.update") || !Files.exists(p)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(p, actual);
        }
        assertEquals(Files.readString(p), actual, name + " changed: if on purpose, regenerate with -Dgolden.update=true");
    }

    /** 10 days of clicks and thumbs for two versions, seeded. */
    private static String feedbackLog() {
        StringBuilder sb = new StringBuilder();
        Random rnd = new Random(11);
        for (int d = 1; d <= 10; d++) {
            for (int i = 0; i < 120; i++) {
                String v = i % 2 == 0 ? "v11" : "v12";
                sb.append(String.format(Locale.ROOT, "{\"timestamp\":\"2026-11-%02dT%02d:%02d:00Z\",\"version\":\"%s\","
                        + "\"output_tokens\":%d,\"response\":\"answer %d\",\"feedback\":{\"clicked\":%d,\"thumbs\":%d}}%n",
                        d, i / 6, i % 60, v, 40 + rnd.nextInt(30), rnd.nextInt(40), rnd.nextDouble() < 0.3 ? 1 : 0,
                        rnd.nextDouble() < 0.7 ? 1 : -1));
            }
        }
        return sb.toString();
    }

    @Test
    void reports() throws IOException {
        golden("drift", run("drift", "logs.jsonl", "--baseline-until", "2026-11-01T11:00:00Z", "--format", "json"));
        golden("collapse", run("collapse", "feedback.jsonl", "--window", "1d", "--against", "v11", "--format", "json"));
        golden("health", run("health", "logs.jsonl", "--format", "json"));
        golden("abtest", run("abtest", "logs.jsonl", "--control", "v11", "--metric", "error_rate", "--metric",
                "latency_ms", "--metric", "thumbs_up", "--metric", "cost_usd", "--segment-by", "segment", "--sequential",
                "--format", "json"));
        run("select", "logs.jsonl", "-n", "40", "-o", "picked.jsonl", "--report", "coverage.json");
        golden("select-coverage", Files.readString(dir.resolve("coverage.json")));
    }

    @Test
    void releaseFiles() throws IOException {
        run("registry", "freeze", "v11");
        run("registry", "freeze", "v12");
        golden("registry-verify", run("registry", "verify", "--format", "json"));
        golden("registry-diff", run("registry", "diff", "v11", "v12", "--format", "json"));
        golden("registry-show", run("registry", "show", "v12", "--format", "json"));
        f.log("good.jsonl", "v12", 500, 0, 1000);
        run("analyze", "good.jsonl", "--format", "json", "-o", "good.json");
        run("promote", "v12", "--to", "production", "--evidence", "good.json", "--reason", "golden");
        Path manifest;
        try (var s = Files.list(dir.resolve("manifests"))) {
            manifest = s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        golden("manifest", Files.readString(manifest));
        golden("history", run("history", "--format", "json"));
    }
}

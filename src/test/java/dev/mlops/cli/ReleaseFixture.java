package dev.mlops.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.stream.Stream;

/** A copy of examples/ (registry, artifacts) in a scratch directory, and helpers to act on it. */
final class ReleaseFixture {
    final Path dir;
    final Env env;

    ReleaseFixture(Path dir) throws IOException {
        this.dir = dir;
        Path src = Paths.get("examples");
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        this.env = Cli.withVars(Cli.env(dir), Map.of("USER", "tester"));
    }

    /** A fixture in dir with the given versions frozen, failing the test if a freeze fails. */
    static ReleaseFixture frozen(Path dir, String... versions) throws IOException {
        ReleaseFixture f = new ReleaseFixture(dir);
        for (String v : versions) {
            Cli.Result r = f.run("registry", "freeze", v);
            if (r.exit() != 0) {
                throw new AssertionError("freeze " + v + ": " + r);
            }
        }
        return f;
    }

    Cli.Result run(String... args) {
        return Cli.run(env, args);
    }

    String registry() throws IOException {
        return Files.readString(dir.resolve("registry.yaml"), StandardCharsets.UTF_8);
    }

    /** A JSONL log of n requests of one version, with the given error count and latencies near latencyMs. */
    Path log(String name, String version, int n, int errors, double latencyMs) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(String.format(java.util.Locale.ROOT,
                    "{\"version\":\"%s\",\"latency_ms\":%.1f,\"input_tokens\":100,\"output_tokens\":50%s}%n",
                    version, latencyMs + i % 10, i < errors ? ",\"status\":\"error\"" : ""));
        }
        return Files.writeString(dir.resolve(name), sb);
    }

    /** Writes an analyze report of a log, for use as evidence. */
    Path evidence(String name, Path log) {
        Cli.Result r = run("analyze", log.toString(), "--format", "json", "-o", name);
        if (r.exit() != 0) {
            throw new AssertionError(r.toString());
        }
        return dir.resolve(name);
    }

    String stageOf(String version) throws IOException {
        String text = registry();
        int at = text.indexOf("id: " + version);
        int stage = text.indexOf("stage: ", at);
        return text.substring(stage + 7, text.indexOf('\n', stage)).trim();
    }
}

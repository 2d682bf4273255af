package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a promotion midway, as a power cut or kill -9 would: a child JVM halts after N file
 * writes, for every N. Whatever N, the next mlops command sees the old state or the new one,
 * never a mix, and the history still verifies.
 */
class CrashSafetyTest {
    @TempDir
    Path base;

    @Test
    void shouldLeaveTheOldStateOrTheNew_wheneverAPromotionIsKilled() throws Exception {
        int newStates = 0;
        for (int n = 1; n <= 12; n++) {
            Path dir = Files.createDirectories(base.resolve("run" + n));
            ReleaseFixture f = new ReleaseFixture(dir);
            assertEquals(0, f.run("registry", "freeze", "v12").exit());
            f.evidence("good.json", f.log("good.jsonl", "v12", 500, 0, 1000));
            String before = f.registry();
            Process p = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                    "-Dmlops.test.crash-after-writes=" + n, "dev.mlops.Main", "promote", "v12", "--to", "production",
                    "--evidence", "good.json", "--reason", "crash test")
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile())
                    .start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child finished");
            Cli.Result history = f.run("history", "--verify");
            assertEquals(0, history.exit(), "run " + n + ": " + history);
            boolean promoted = history.out().contains("promote");
            if (promoted) {
                newStates++;
                assertEquals("production", f.stageOf("v12"), "run " + n);
                assertEquals("retired", f.stageOf("v11"), "run " + n);
                try (var s = Files.list(dir.resolve("manifests"))) {
                    assertEquals(1, s.count(), "run " + n);
                }
            } else {
                assertEquals(before, f.registry(), "run " + n + ": old state");
                assertEquals(List.of(), Files.exists(dir.resolve("manifests")) ? listing(dir.resolve("manifests"))
                        : List.of(), "run " + n);
            }
        }
        assertTrue(newStates > 0 && newStates < 12, "some kills land before the journal, some after: " + newStates);
    }

    private static List<Path> listing(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.toList();
        }
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}

package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlops.registry.TreeHash;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a promotion midway, as a power cut or kill -9 would: a child JVM halts after N file
 * writes. Whatever N, read-only commands see the old state while the change is pending, the next
 * command that writes finishes it, the result is the old state or the new one, never a mix, verify
 * agrees, and nothing outside the registry directory is touched.
 */
class CrashSafetyTest {
    @TempDir
    Path base;

    @Test
    void shouldLeaveTheOldStateOrTheNew_wheneverAPromotionIsKilled() throws Exception {
        int newStates = 0;
        for (int n = 1; n <= 12; n++) {
            newStates += killAndCheck(n, "run" + n) ? 1 : 0;
        }
        assertTrue(newStates > 0 && newStates < 12, "some kills land before the journal, some after: " + newStates);
    }

    /** The property at random kill points, with a bystander directory beside the registry that must stay as it was. */
    @Test
    void shouldKeepThePropertyAtRandomKillPoints_andTouchNothingOutside() throws Exception {
        Random random = new Random(20261201L);
        Path bystander = Files.createDirectories(base.resolve("bystander"));
        Files.writeString(bystander.resolve("notes.txt"), "not release state\n");
        for (int trial = 0; trial < 6; trial++) {
            Map<String, String> before = snapshot(base, "trial");
            killAndCheck(1 + random.nextInt(9), "trial" + trial);
            Map<String, String> after = snapshot(base, "trial");
            assertEquals(before, after, "nothing outside the registry directory changed (trial " + trial + ")");
        }
    }

    private boolean killAndCheck(int n, String name) throws Exception {
        Path dir = Files.createDirectories(base.resolve(name));
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
        boolean pending = Files.exists(dir.resolve(".mlops/journal.json"));
        Cli.Result readOnly = f.run("history", "--verify");
        assertEquals(0, readOnly.exit(), name + " (kill at " + n + "): " + readOnly);
        if (pending) {
            assertTrue(readOnly.err().contains("a change to the registry is pending"), readOnly.err());
            assertTrue(!readOnly.out().contains("promote"), "read-only commands show the state before the change");
            assertTrue(Files.exists(dir.resolve(".mlops/journal.json")), "a read-only command does not finish it");
        }
        assertEquals(0, f.run("registry", "recover").exit(), name);
        Cli.Result history = f.run("history", "--verify");
        assertEquals(0, history.exit(), name + ": " + history);
        assertEquals(0, f.run("registry", "verify").exit(), name + ": verify agrees");
        boolean promoted = history.out().contains("promote");
        if (promoted) {
            assertEquals("production", f.stageOf("v12"), name);
            assertEquals("retired", f.stageOf("v11"), name);
            assertEquals(1, listing(dir.resolve("manifests")).size(), name + ": " + listing(dir.resolve("manifests")));
        } else {
            assertEquals(before, f.registry(), name + ": old state");
            assertEquals(List.of(), Files.exists(dir.resolve("manifests")) ? listing(dir.resolve("manifests"))
                    : List.of(), name);
        }
        return promoted;
    }

    /** Every file under {@code root} but the registry directories (named {@code prefix}...), with its hash. */
    private static Map<String, String> snapshot(Path root, String prefix) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = root.relativize(p).toString();
                if (rel.startsWith(prefix) || rel.startsWith("run")) {
                    continue;
                }
                out.put(rel, Files.isRegularFile(p) ? TreeHash.file(p) : "dir");
            }
        }
        return out;
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

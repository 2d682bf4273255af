package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.release.Journals;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile input against release state: each case was a way to write anywhere, launder tampering, or wedge a registry. */
class ReleaseAttackTest {
    @TempDir
    Path base;
    Path dir;
    ReleaseFixture f;

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createDirectories(base.resolve("reg"));
        f = new ReleaseFixture(dir);
    }

    private void promoteV12() throws IOException {
        assertEquals(0, f.run("registry", "freeze", "v11").exit());
        assertEquals(0, f.run("registry", "freeze", "v12").exit());
        f.evidence("good.json", f.log("good.jsonl", "v12", 500, 0, 1000));
        Cli.Result r = f.run("promote", "v12", "--to", "production", "--evidence", "good.json", "--reason", "ok");
        assertEquals(0, r.exit(), r.toString());
    }

    // --- the journal

    @Test
    void shouldNeverCreateAFileOutside_whenAJournalNamesOne() throws IOException {
        Journals.write(dir, "../pwned.txt", null, "owned");
        for (String[] cmd : List.of(new String[] {"registry", "list"}, new String[] {"registry", "freeze", "v12"},
                new String[] {"history"})) {
            Cli.Result r = f.run(cmd);
            assertEquals(3, r.exit(), r.toString());
            assertTrue(r.err().contains("is not replayed") && r.err().contains("mlops registry recover"), r.err());
        }
        assertFalse(Files.exists(base.resolve("pwned.txt")));
        Journals.write(dir, base.resolve("abs.txt").toString(), null, "owned");
        assertEquals(3, f.run("registry", "list").exit());
        assertFalse(Files.exists(base.resolve("abs.txt")));
        Cli.Result discard = f.run("registry", "recover", "--discard");
        assertEquals(0, discard.exit(), discard.toString());
        assertEquals(0, f.run("registry", "list").exit());
    }

    @Test
    void shouldRefuseAGarbageJournal_withExit3_neverAnInternalError() throws IOException {
        Files.createDirectories(dir.resolve(".mlops"));
        Files.writeString(dir.resolve(".mlops/journal.json"), "{\"writes\": 7}");
        for (String[] cmd : List.of(new String[] {"registry", "list"}, new String[] {"registry", "verify"},
                new String[] {"promote", "v12", "--to", "staging"}, new String[] {"history", "--verify"},
                new String[] {"analyze", "logs.jsonl", "--registry", "registry.yaml"})) {
            Cli.Result r = f.run(cmd);
            assertEquals(3, r.exit(), String.join(" ", cmd) + ": " + r);
        }
    }

    /** Read-only commands work while a change is pending, show the state before it, and leave it pending. */
    @Test
    void shouldShowTheStateBeforeAPendingChange_inReadOnlyCommands() throws IOException {
        String before = f.registry();
        String after = before.replace("stage: canary", "stage: production").replace("      - id: v11\n", "      - id: v11\n");
        Files.writeString(dir.resolve("registry.yaml"), after); // half applied: the registry is already new
        Journals.write(dir, "registry.yaml", before, after);
        for (String[] cmd : List.of(new String[] {"registry", "list"}, new String[] {"registry", "show", "v12"},
                new String[] {"registry", "verify"}, new String[] {"history"},
                new String[] {"analyze", "logs.jsonl", "--registry", "registry.yaml"})) {
            Cli.Result r = f.run(cmd);
            assertTrue(r.exit() == 0 || r.exit() == 3 && cmd[1].equals("verify"), String.join(" ", cmd) + ": " + r);
            assertTrue(r.err().contains("a change to the registry is pending"), r.err());
        }
        assertTrue(f.run("registry", "show", "v12").out().contains("canary"), "the state before the change");
        assertTrue(Files.exists(dir.resolve(".mlops/journal.json")), "still pending");
        assertEquals(0, f.run("registry", "recover").exit());
        assertEquals("production", f.stageOf("v12"));
    }

    // --- a full disk and a read-only directory, on a real small tmpfs

    @Test
    void shouldReportFailureOnlyWhenNothingChanged_onAFullDisk() throws Exception {
        Path mnt = mountTmpfs(base.resolve("small"), "2m");
        try {
            Path reg = Files.createDirectories(mnt.resolve("reg"));
            ReleaseFixture small = new ReleaseFixture(reg);
            assertEquals(0, small.run("registry", "freeze", "v12").exit());
            small.evidence("good.json", small.log("good.jsonl", "v12", 200, 0, 1000));
            String before = small.registry();
            int failures = 0;
            for (int freeKb : new int[] {0, 4, 8, 12, 16, 20, 24, 28, 40, 64, 128}) {
                fill(mnt, freeKb * 1024L);
                Cli.Result r = small.run("promote", "v12", "--to", "production", "--evidence", "good.json", "--reason",
                        "full disk " + freeKb);
                Files.deleteIfExists(mnt.resolve("filler"));
                assertTrue(r.exit() == 0 || r.exit() == 3, freeKb + " KiB free: " + r);
                Cli.Result h = small.run("history");
                assertEquals(0, h.exit(), h.toString());
                if (r.exit() == 3) {
                    failures++;
                    assertEquals(before, small.registry(), freeKb + " KiB: a reported failure leaves the old state");
                    assertFalse(Files.exists(reg.resolve(".mlops/journal.json")), freeKb + " KiB: and no journal");
                    assertFalse(h.out().contains("promote"), freeKb + " KiB");
                    assertEquals(0, small.run("registry", "list").exit());
                    assertEquals(before, small.registry(), freeKb + " KiB: and it never takes effect later");
                } else {
                    assertEquals("production", small.stageOf("v12"), freeKb + " KiB");
                    assertEquals(0, small.run("history", "--verify").exit());
                    break;
                }
            }
            assertTrue(failures > 0, "some levels of free space were too small");
            assertEquals(0, small.run("history", "--verify").exit());
        } finally {
            umount(mnt);
        }
    }

    @Test
    void shouldFailCleanly_inAReadOnlyDirectory() throws Exception {
        Path mnt = mountTmpfs(base.resolve("ro"), "4m");
        try {
            ReleaseFixture ro = new ReleaseFixture(Files.createDirectories(mnt.resolve("reg")));
            assertEquals(0, ro.run("registry", "freeze", "v12").exit());
            String before = ro.registry();
            run("mount", "-o", "remount,ro", mnt.toString());
            Cli.Result r = ro.run("registry", "freeze", "v11");
            assertEquals(3, r.exit(), r.toString());
            assertEquals(1, r.err().lines().count(), r.err());
            assertEquals(before, ro.registry());
            assertEquals(0, ro.run("registry", "list").exit(), "reading still works");
        } finally {
            umount(mnt);
        }
    }

    private static Path mountTmpfs(Path at, String size) throws Exception {
        Files.createDirectories(at);
        int rc = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString())
                .redirectErrorStream(true).start().waitFor();
        Assumptions.assumeTrue(rc == 0, "skipped: mounting a small tmpfs needs root (CI runs as root)");
        return at;
    }

    private static void umount(Path at) throws Exception {
        run("umount", at.toString());
    }

    private static void run(String... cmd) throws Exception {
        assertEquals(0, new ProcessBuilder(cmd).redirectErrorStream(true).start().waitFor(), String.join(" ", cmd));
    }

    /** Leaves about {@code free} bytes free on the file system of {@code mnt}. */
    private static void fill(Path mnt, long free) throws IOException {
        long usable = Files.getFileStore(mnt).getUsableSpace();
        long size = Math.max(0, usable - free);
        try (var out = Files.newOutputStream(mnt.resolve("filler"))) {
            byte[] block = new byte[4096];
            for (long w = 0; w < size; w += block.length) {
                out.write(block, 0, (int) Math.min(block.length, size - w));
            }
        } catch (IOException full) {
            // as full as it gets
        }
    }

    // --- names never become paths

    @ParameterizedTest
    @ValueSource(strings = {"../../../x", "..", ".", "a/b", "a\\\\b", "v1\u200b", "v\u202e21", "e\u0301", "tab\tid"})
    void shouldRefuseAVersionId_thatCouldBecomeAPath(String id) throws IOException {
        String yaml = f.registry().replace("id: v12", "id: \"" + id.replace("\\", "\\\\").replace("\t", "\\t") + "\"");
        Files.writeString(dir.resolve("registry.yaml"), yaml);
        Cli.Result r = f.run("registry", "list");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().startsWith("mlops: registry.yaml:17: "), r.err());
        assertEquals(3, f.run("registry", "freeze", "v11").exit());
        try (var s = Files.list(base)) {
            assertEquals(List.of(dir), s.toList(), "nothing written outside");
        }
    }

    @Test
    void shouldRefuseAModelNamedDotDot_andAVeryLongId() throws IOException {
        Files.writeString(dir.resolve("registry.yaml"), f.registry().replace("support-bot:", "\"..\":"));
        Cli.Result r = f.run("registry", "list");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("registry.yaml:4: the model name \"..\" names a directory"), r.err());
        Files.writeString(dir.resolve("registry.yaml"), f.registry().replace("\"..\":", "support-bot:")
                .replace("id: v12", "id: " + "v".repeat(129)));
        assertEquals(3, f.run("registry", "list").exit());
    }

    @Test
    void shouldRefuseANulInAnArtifactPath_withExit3() throws IOException {
        Files.writeString(dir.resolve("registry.yaml"), f.registry().replace("path: adapters/v12", "path: \"adapters/v\\0\""));
        Cli.Result r = f.run("registry", "freeze", "v12");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("control character"), r.err());
    }

    // --- history that tampering cannot launder

    @Test
    void shouldRefuseToWrite_whenTheHistoryWasCut_soFreezeForceCannotLaunderIt() throws IOException {
        promoteV12();
        Path h = dir.resolve("history.jsonl");
        List<String> lines = Files.readAllLines(h);
        Files.write(h, lines.subList(0, lines.size() - 1));
        Cli.Result r = f.run("registry", "freeze", "v12", "--force", "--reason", "launder");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("nothing is written while the history does not verify"), r.err());
        assertEquals(3, f.run("history", "--verify").exit(), "still detected");
    }

    @Test
    void shouldRefuseARollback_toAForgedAppendedLine() throws IOException {
        promoteV12();
        Path h = dir.resolve("history.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(h));
        String last = lines.get(lines.size() - 1);
        String prev = dev.mlops.registry.TreeHash.sha256(last.getBytes(StandardCharsets.UTF_8));
        lines.add("{\"schema\":\"mlops.history/v1\",\"prev\":\"" + prev + "\",\"action\":\"promote\",\"model\":"
                + "\"support-bot\",\"version\":\"v12\",\"to_stage\":\"production\",\"replaces\":\"v11\"}");
        Files.write(h, lines);
        Cli.Result r = f.run("rollback", "support-bot", "--reason", "forged");
        assertEquals(3, r.exit(), r.toString());
        assertEquals("production", f.stageOf("v12"));
    }

    @Test
    void shouldDetect_aDeletedOrEmptiedHistory_aMissingHead_anEditedOrReorderedLine() throws IOException {
        promoteV12();
        Path h = dir.resolve("history.jsonl");
        Path head = dir.resolve(".mlops/history.head");
        String hist = Files.readString(h);
        String headText = Files.readString(head);
        assertEquals(0, f.run("history", "--verify").exit());

        Files.delete(h);
        Files.delete(head);
        Cli.Result gone = f.run("history", "--verify");
        assertEquals(3, gone.exit(), gone.toString());
        assertTrue(gone.err().contains("deleted, emptied"), gone.err());
        Files.writeString(h, "");
        assertEquals(3, f.run("history", "--verify").exit(), "emptied");

        Files.writeString(h, hist);
        assertEquals(3, f.run("history", "--verify").exit(), "head missing");
        for (String bad : List.of("", "garbage", "3 xyz")) {
            Files.writeString(head, bad);
            Cli.Result r = f.run("history", "--verify");
            assertEquals(3, r.exit(), "head '" + bad + "': " + r);
        }
        Files.writeString(head, headText);
        assertEquals(0, f.run("history", "--verify").exit());

        List<String> lines = new ArrayList<>(List.of(hist.split("\n")));
        List<String> edited = new ArrayList<>(lines);
        edited.set(1, edited.get(1).replace("\"by\":\"tester\"", "\"by\":\"mallory\""));
        Files.write(h, edited);
        assertEquals(3, f.run("history", "--verify").exit(), "edited middle line");
        List<String> reordered = new ArrayList<>(lines);
        Collections.swap(reordered, 0, 1);
        Files.write(h, reordered);
        assertEquals(3, f.run("history", "--verify").exit(), "reordered lines");
    }

    /** Without a key an unkeyed chain can be recomputed; with one, the recomputed chain is caught. */
    @Test
    void shouldDetectARecomputedChain_withAHistoryKey() throws IOException {
        ReleaseFixture keyed = new ReleaseFixture(Files.createDirectories(base.resolve("keyed")));
        Env env = Cli.withVars(keyed.env, Map.of("USER", "tester", "MLOPS_HISTORY_KEY", "s3cret"));
        assertEquals(0, Cli.run(env, "registry", "freeze", "v12").exit());
        assertEquals(0, Cli.run(env, "registry", "freeze", "v11").exit());
        Cli.Result ok = Cli.run(env, "history", "--verify");
        assertEquals(0, ok.exit(), ok.toString());
        assertTrue(ok.err().contains("2 signed, signatures valid"), ok.err());
        assertEquals(3, keyed.run("registry", "freeze", "v12", "--force", "--reason", "no key").exit(),
                "a signed history needs the key to be written");

        // recompute the chain, head and record without the key, as anyone who can write the files could
        Path root = keyed.dir;
        List<String> lines = Files.readAllLines(root.resolve("history.jsonl"));
        ObjectMapper json = new ObjectMapper();
        String prev = "0".repeat(64);
        List<String> forged = new ArrayList<>();
        for (String l : lines) {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(l);
            node.remove("mac");
            node.put("prev", prev);
            node.put("by", "mallory");
            String line = json.writeValueAsString(node);
            forged.add(line);
            prev = dev.mlops.registry.TreeHash.sha256(line.getBytes(StandardCharsets.UTF_8));
        }
        Files.write(root.resolve("history.jsonl"), forged);
        Files.writeString(root.resolve(".mlops/history.head"), forged.size() + " " + prev + "\n");
        String reg = Files.readString(root.resolve("registry.yaml"));
        Files.writeString(root.resolve("registry.yaml"), reg.replaceAll("history: \\{[^}]*}",
                "history: {entries: " + forged.size() + ", head: \"" + prev + "\"}"));
        assertEquals(0, keyed.run("history", "--verify").exit(), "without the key the forgery is undetectable");
        Cli.Result caught = Cli.run(env, "history", "--verify");
        assertEquals(3, caught.exit(), caught.toString());
        assertTrue(caught.err().contains("no entry is signed"), caught.err());
    }

    // --- YAML as the README promises

    @Test
    void shouldRefuseDuplicateKeys_namingTheSecondLine() throws IOException {
        String reg = f.registry();
        Files.writeString(dir.resolve("registry.yaml"), reg.replace("        stage: canary\n",
                "        stage: canary\n        stage: production\n"));
        Cli.Result r = f.run("registry", "list");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("registry.yaml:25: models.support-bot.versions[1].stage appears twice (first at line 24)"),
                r.err());
        Files.writeString(dir.resolve("registry.yaml"), reg.replace("{input_per_1m: 0.20,", "{input_per_1m: 0.20, input_per_1m: 0,"));
        assertEquals(3, f.run("registry", "list").exit());
        Files.writeString(dir.resolve("registry.yaml"), reg + "  canary:\n    - {check: error_rate, max: 0.5}\n");
        assertEquals(3, f.run("registry", "list").exit(), "a second canary gate list");
    }

    @ParameterizedTest
    @ValueSource(strings = {"!custom v12", "!!binary djEy", "!!str v12"})
    void shouldRefuseTags(String value) throws IOException {
        Files.writeString(dir.resolve("registry.yaml"), f.registry().replace("id: v12", "id: " + value));
        Cli.Result r = f.run("registry", "list");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("registry.yaml:17: the tag"), r.err());
    }

    @Test
    void shouldRefuseAnAnchorSharedBetweenTwoVersions() throws IOException {
        String reg = f.registry().replace("adapter: {type: lora, path: adapters/v11, rank: 16, alpha: 32}",
                "adapter: &shared {type: lora, path: adapters/v11, rank: 16, alpha: 32}")
                .replace("adapter: {type: lora, path: adapters/v12, rank: 32, alpha: 64}", "adapter: *shared");
        Files.writeString(dir.resolve("registry.yaml"), reg);
        Cli.Result r = f.run("registry", "freeze", "v12");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("registry.yaml:19:") && r.err().contains("reuses an anchor (&shared)"), r.err());
    }

    // --- locks

    @Test
    void shouldIgnoreAGarbageOrStaleLockFile() throws IOException {
        Files.createDirectories(dir.resolve(".mlops"));
        for (String content : List.of("", "garbage", "1 2026", ProcessHandle.current().pid() + " 2026-11-25T07:00:00Z 1\n")) {
            Files.writeString(dir.resolve(".mlops/lock"), content);
            Cli.Result r = f.run("registry", "freeze", "v12", "--force", "--reason", "lock " + content.length(), "--wait", "0");
            assertEquals(0, r.exit(), "lock file '" + content + "': " + r);
        }
    }

    // --- special files and bounded reads

    @Test
    void shouldRefuseAFifoArtifact_withoutHanging() throws Exception {
        mkfifo(dir.resolve("templates/v12.jinja"));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Cli.Result r = f.run("registry", "freeze", "v12");
            assertEquals(3, r.exit(), r.toString());
            assertTrue(r.err().contains("not a regular file"), r.err());
        });
        Files.delete(dir.resolve("templates/v12.jinja"));
        Files.writeString(dir.resolve("templates/v12.jinja"), "x");
        mkfifo(dir.resolve("adapters/v12/pipe"));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertEquals(3, f.run("registry", "freeze", "v12").exit()));
    }

    @Test
    void shouldRefuseDevicesAndFifos_asSettingsFiles() throws Exception {
        mkfifo(dir.resolve("fifo"));
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (String[] cmd : List.of(new String[] {"promote", "v12", "--to", "staging", "--evidence", "/dev/zero"},
                    new String[] {"promote", "v12", "--to", "staging", "--evidence", "fifo"},
                    new String[] {"registry", "list", "--registry", "fifo"},
                    new String[] {"drift", "logs.jsonl", "--baseline-until", "2026-11-01T11:00:00Z", "--rules", "/dev/zero"},
                    new String[] {"drift", "logs.jsonl", "--baseline-until", "2026-11-01T11:00:00Z", "--stop-words", "fifo"},
                    new String[] {"analyze", "logs.jsonl", "--mapping", "/dev/zero"})) {
                Cli.Result r = f.run(cmd);
                assertEquals(3, r.exit(), String.join(" ", cmd) + ": " + r);
                assertTrue(r.err().contains("not a regular file"), r.err());
            }
        });
    }

    private static void mkfifo(Path p) throws Exception {
        Files.deleteIfExists(p);
        assertEquals(0, new ProcessBuilder("mkfifo", p.toString()).start().waitFor());
    }

    @Test
    void shouldRefuseAnOutput_thatIsReleaseStateOrAnInput() throws IOException {
        promoteV12();
        String reg = f.registry();
        for (String[] cmd : List.of(new String[] {"analyze", "logs.jsonl", "--registry", "registry.yaml", "-o", "registry.yaml"},
                new String[] {"analyze", "logs.jsonl", "-o", "registry.yaml"},
                new String[] {"analyze", "logs.jsonl", "-o", "logs.jsonl"},
                new String[] {"history", "-o", "history.jsonl"},
                new String[] {"registry", "list", "-o", ".mlops/history.head"},
                new String[] {"registry", "list", "-o", "manifests/x.json"})) {
            Cli.Result r = f.run(cmd);
            assertEquals(2, r.exit(), String.join(" ", cmd) + ": " + r);
        }
        assertEquals(reg, f.registry());
        assertEquals(0, f.run("history", "--verify").exit());
    }

    // --- gates cannot be bypassed

    @Test
    void shouldRollBackOnlyToAVersionThatWasInProduction_unlessForced() throws IOException {
        promoteV12();
        Files.writeString(dir.resolve("registry.yaml"), f.registry().replace("stage: retired", "stage: staging"));
        // v11 was in production (v12 replaced it), so it is a fair target; a fresh version that never was is not
        String withV13 = f.registry().replace("promotion:", String.join("\n",
                "      - id: v13",
                "        adapter: {type: lora, path: adapters/v12, rank: 32, alpha: 64}",
                "        stage: staging",
                "promotion:"));
        Files.writeString(dir.resolve("registry.yaml"), withV13);
        assertEquals(0, f.run("registry", "freeze", "v13").exit());
        Cli.Result r = f.run("rollback", "support-bot", "--to", "v13", "--reason", "skip the gates");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("was never in production"), r.err());
        assertEquals("staging", f.stageOf("v13"));
        Cli.Result forced = f.run("rollback", "support-bot", "--to", "v13", "--force", "--reason", "incident 42",
                "--format", "json");
        assertEquals(0, forced.exit(), forced.toString());
        assertTrue(new ObjectMapper().readTree(forced.out()).path("forced").asBoolean(), forced.out());
        assertEquals("v13 was never in production according to the history",
                new ObjectMapper().readTree(forced.out()).path("forced_because").asText(), forced.out());
        assertTrue(f.run("history").out().contains("rollback (forced)"));
        Cli.Result back = f.run("rollback", "support-bot", "--to", "v12", "--reason", "back", "--format", "json");
        assertEquals(0, back.exit(), "v12 was in production");
        assertTrue(new ObjectMapper().readTree(back.out()).path("forced_because").isMissingNode(), back.out());
    }

    @Test
    void shouldNameTheOperatingSystemUser_whenUSERIsUnset() throws IOException {
        Env noUser = Cli.withVars(f.env, Map.of());
        assertEquals(0, Cli.run(noUser, "registry", "freeze", "v12").exit());
        String by = new ObjectMapper().readTree(Files.readAllLines(dir.resolve("history.jsonl")).get(0)).get("by").asText();
        assertEquals(System.getProperty("user.name"), by);
    }
}

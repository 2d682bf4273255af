package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryFreezeVerifyTest {
    private final Path dir;
    private final ReleaseFixture f;

    RegistryFreezeVerifyTest(@TempDir Path dir) throws IOException {
        this.dir = dir;
        this.f = ReleaseFixture.frozen(dir);
    }

    /** sha256sum of the file, computed independently: python3 -c "import hashlib; print(hashlib.sha256(b'...').hexdigest())" */
    @Test
    void shouldRecordTheHashes_changingOnlyTheLinesItMust() throws Exception {
        String before = f.registry();
        Cli.Result r = f.run("registry", "freeze", "v12");
        assertEquals(0, r.exit(), r.toString());
        String after = f.registry();
        List<String> a = before.lines().toList();
        List<String> b = after.lines().filter(l -> !l.startsWith("history: {entries: 1, head: ")).toList();
        assertEquals(a.size() + 1, after.lines().count(), "one line added, the history record; the hashes went into "
                + "the flow mappings");
        assertEquals(a.size(), b.size(), "no other line added or removed");
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                changed.add(i);
            }
        }
        assertEquals(4, changed.size(), "adapter, tokenizer, prompt_template, frozen:\n" + after);
        assertTrue(after.contains("# Example registry for mlops."), "comments are kept");
        String template = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(dir.resolve("templates/v12.jinja"))));
        assertTrue(after.contains("prompt_template: {path: templates/v12.jinja, sha256: \"" + template + "\"}"), after);
        assertTrue(b.stream().anyMatch(l -> l.trim().equals("frozen: true")));
        assertTrue(Files.exists(dir.resolve(".mlops/frozen/v12/adapter.sha256")), "directory listing kept");
    }

    @Test
    void shouldAddKeysToBlockMappings_underTheirSiblings() throws IOException {
        Files.writeString(dir.resolve("registry.yaml"), String.join("\n",
                "models:",
                "  bot:",
                "    versions:",
                "      - id: v1",
                "        adapter:",
                "          path: adapters/v11   # the March adapter",
                "          rank: 16",
                "        stage: staging",
                "# trailing comment",
                ""));
        Cli.Result r = f.run("registry", "freeze", "v1");
        assertEquals(0, r.exit(), r.toString());
        String text = f.registry();
        assertTrue(text.contains("          rank: 16\n          sha256: \""), text);
        assertTrue(text.contains("        stage: staging\n        frozen: true\n# trailing comment\n"), text);
        assertTrue(text.contains("path: adapters/v11   # the March adapter"), text);
    }

    @Test
    void shouldRefuseToFreezeAgain_withoutForceAndReason() {
        assertEquals(0, f.run("registry", "freeze", "v11").exit());
        Cli.Result again = f.run("registry", "freeze", "v11");
        assertEquals(2, again.exit(), again.toString());
        assertTrue(again.err().contains("v11 is already frozen; freezing it again needs --force --reason TEXT"));
        assertEquals(2, f.run("registry", "freeze", "v11", "--force").exit());
        Cli.Result forced = f.run("registry", "freeze", "v11", "--force", "--reason", "re-exported the adapter");
        assertEquals(0, forced.exit(), forced.toString());
        assertTrue(f.run("history").out().contains("re-exported the adapter"));
    }

    @Test
    void shouldReportOkChangedMissingAndUnexpected() throws IOException {
        assertEquals(0, f.run("registry", "freeze", "v11").exit());
        assertEquals(0, f.run("registry", "freeze", "v12").exit());
        Cli.Result clean = f.run("registry", "verify", "--jobs", "2");
        assertEquals(0, clean.exit(), clean.toString());
        Files.writeString(dir.resolve("adapters/v11/adapter_config.json"), "{\"r\": 8}\n");
        Files.writeString(dir.resolve("adapters/v12/extra.bin"), "surprise");
        Files.delete(dir.resolve("templates/v12.jinja"));
        Cli.Result r = f.run("registry", "verify", "--format", "json");
        assertEquals(3, r.exit(), r.toString());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertFalse(j.get("clean").asBoolean());
        assertEquals("changed", status(j, "v11", "adapter"));
        assertEquals("changed: adapter_config.json", j.get("artifacts").get(0).get("details").get(0).asText());
        assertEquals("unexpected", status(j, "v12", "adapter"));
        assertEquals("missing", status(j, "v12", "prompt_template"));
        assertEquals("ok", status(j, "v12", "tokenizer"));
        assertTrue(r.err().contains("3 artifacts do not match the registry"), r.err());
    }

    @Test
    void shouldReportMissingFilesInsideADirectory() throws IOException {
        assertEquals(0, f.run("registry", "freeze", "v11").exit());
        Files.delete(dir.resolve("adapters/v11/adapter_model.safetensors"));
        Cli.Result r = f.run("registry", "verify", "v11");
        assertEquals(3, r.exit());
        assertTrue(r.out().replaceAll("\\s+", " ").contains("missing missing: adapter_model.safetensors"), r.out());
    }

    private static String status(JsonNode j, String version, String role) {
        for (JsonNode a : j.get("artifacts")) {
            if (a.get("version").asText().equals(version) && a.get("role").asText().equals(role)) {
                return a.get("status").asText();
            }
        }
        return null;
    }

    @Test
    void shouldRefusePathsThatEscapeTheRegistryDirectory() throws IOException {
        Path outside = Files.createTempDirectory("outside");
        Files.writeString(outside.resolve("secret.txt"), "s");
        Files.createSymbolicLink(dir.resolve("templates/link.jinja"), outside.resolve("secret.txt"));
        String base = f.registry();
        String[][] cases = {
                {"templates/v12.jinja", "../outside.jinja", "escapes the registry directory"},
                {"templates/v12.jinja", "/etc/passwd", "is absolute"},
                {"templates/v12.jinja", "templates/link.jinja", "symbolic link that leads outside"},
        };
        for (String[] c : cases) {
            Files.writeString(dir.resolve("registry.yaml"), base.replace(c[0], c[1]));
            Cli.Result r = f.run("registry", "freeze", "v12");
            assertEquals(3, r.exit(), r.toString());
            assertTrue(r.err().contains(c[2]), r.err());
            assertEquals(base.replace(c[0], c[1]), f.registry(), "nothing written");
        }
    }

    @Test
    void shouldDiffTwoVersionsFieldByField() throws IOException {
        Cli.Result r = f.run("registry", "diff", "v11", "v12");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("adapter.rank"), r.out());
        assertTrue(r.out().contains("training_data.name    support-2026-09"), r.out());
        assertFalse(r.out().contains("base_model.name"), "equal fields are hidden without --all");
        assertTrue(f.run("registry", "diff", "v11", "v12", "--all").out().contains("base_model.name"));
        JsonNode j = new ObjectMapper().readTree(f.run("registry", "diff", "v11", "v12", "--format", "json").out());
        assertEquals("mlops.diff/v1", j.get("schema").asText());
        boolean bytes = false;
        for (JsonNode row : j.get("fields")) {
            if (row.get("field").asText().equals("adapter.bytes")) {
                bytes = true;
                assertEquals(Files.size(dir.resolve("adapters/v11/adapter_config.json")) + 4096, row.get("a").asLong());
            }
        }
        assertTrue(bytes, "adapter size on disk is compared");
    }
}

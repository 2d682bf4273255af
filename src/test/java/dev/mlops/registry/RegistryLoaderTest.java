package dev.mlops.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryLoaderTest {
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());

    private Path write(String yaml) throws IOException {
        return Files.writeString(fs.getPath("/registry.yaml"), yaml);
    }

    private String error(String yaml) throws IOException {
        Path p = write(yaml);
        return assertThrows(RegistryException.class, () -> RegistryLoader.load(p)).getMessage();
    }

    private static final String VALID = String.join("\n",
            "models:",
            "  bot:",
            "    pricing: {input_per_1m: 0.20, output_per_1m: 0.60}",
            "    slo: {latency_p95_ms: 2500, error_rate: 0.01}",
            "    versions:",
            "      - id: v1",
            "        stage: production",
            "        adapter: {type: lora, path: adapters/v1, rank: 16, alpha: 32}",
            "      - id: v2",
            "        stage: canary",
            "");

    @Test
    void shouldLoadTheExampleRegistry() {
        Registry r = RegistryLoader.load(Paths.get("examples/registry.yaml"));
        assertEquals(1, r.schemaVersion());
        assertEquals(2, r.versions().size());
        Version v12 = r.version("v12").orElseThrow();
        assertEquals(Stage.CANARY, v12.stage());
        assertEquals(32, v12.adapterRank());
        assertEquals("adapters/v12", v12.artifacts().get("adapter").path());
        Model m = r.modelFor("v12", null).orElseThrow();
        assertEquals(0.60, m.pricing().outputPer1m());
        assertEquals(9000.0, m.slo().limits().get("latency_p95_ms"));
    }

    /** One golden file per registry schema version: every old file must keep loading. */
    @Test
    void shouldLoadTheGoldenFileOfEverySchemaVersion() {
        for (int v = 1; v <= RegistryLoader.SCHEMA_VERSION; v++) {
            Path golden = Paths.get("src/test/resources/registry/schema-v" + v + ".yaml");
            assertTrue(Files.exists(golden), "a golden file for schema version " + v);
            Registry r = RegistryLoader.load(golden);
            assertEquals(v, r.schemaVersion());
            assertEquals(2, r.versions().size());
            assertEquals(2, r.gates(Stage.PRODUCTION).size());
            assertEquals("latency_p95_ms", r.gates(Stage.PRODUCTION).get(1).check());
        }
    }

    @Test
    void shouldRefuseAnUnknownGate() throws IOException {
        assertEquals("/registry.yaml:13: promotion.production[0].check is \"latency_p97_ms\", expected one of "
                + String.join(", ", Slo.MEASURES) + ", " + String.join(", ", Gate.OTHER_CHECKS),
                error(VALID + "promotion:\n  production:\n    - {check: latency_p97_ms, max: 3}\n"));
    }

    @Test
    void shouldResolveModels_byVersionThenByName() throws IOException {
        Registry r = RegistryLoader.load(write(VALID));
        assertEquals("bot", r.modelFor("v2", null).orElseThrow().name());
        assertEquals("bot", r.modelFor("v9", "bot").orElseThrow().name());
        assertFalse(r.modelFor("v9", "other").isPresent());
    }

    @Test
    void shouldNameFileLineAndField_forAnUnknownStage() throws IOException {
        assertEquals("/registry.yaml:10: models.bot.versions[1].stage is \"prod\", expected one of experiment, "
                + "staging, canary, production, retired", error(VALID.replace("stage: canary", "stage: prod")));
    }

    @Test
    void shouldRefuseANegativePrice() throws IOException {
        assertEquals("/registry.yaml:3: models.bot.pricing.input_per_1m is -0.20, expected a non-negative number",
                error(VALID.replace("input_per_1m: 0.20", "input_per_1m: -0.20")));
    }

    @Test
    void shouldRefuseADuplicateVersionId() throws IOException {
        assertEquals("/registry.yaml:9: models.bot.versions[1].id is \"v1\", a duplicate of the version at line 6",
                error(VALID.replace("id: v2", "id: v1")));
    }

    @Test
    void shouldRefuseUnknownFields_soThatTyposAreNotIgnored() throws IOException {
        assertEquals("/registry.yaml:4: models.bot.slo.latency_p95 is not a known field (expected one of "
                        + String.join(", ", Slo.MEASURES) + ")",
                error(VALID.replace("latency_p95_ms", "latency_p95")));
    }

    @Test
    void shouldRefuseARateAboveOne_andBadYaml() throws IOException {
        assertEquals("/registry.yaml:4: models.bot.slo.error_rate is 2, expected a rate between 0 and 1",
                error(VALID.replace("error_rate: 0.01", "error_rate: 2")));
        assertTrue(error("models: [unclosed").startsWith("/registry.yaml:1: invalid YAML"));
        assertEquals("/registry.yaml:1: the registry is empty", error(""));
        assertEquals("/registry.yaml:1: the file has no 'models'", error("schema_version: 1\n"));
    }

    @Test
    void shouldRefuseASchemaVersionFromTheFuture() throws IOException {
        assertEquals("/registry.yaml:1: schema_version is 99, but this mlops reads schema versions up to 1; "
                + "upgrade mlops", error("schema_version: 99\n" + VALID).replace("\n", ""));
    }

    /** A "billion laughs" file must be refused quickly, not expanded. */
    @Test
    void shouldRefuseAliasBombs() throws IOException {
        StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            y.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                y.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            y.append("]\n");
            prev = c;
        }
        y.append("models: {}\n");
        String msg = error(y.toString());
        assertTrue(msg.contains("invalid YAML") && msg.contains("aliases"), msg);
    }

    @Test
    void shouldRefuseAnOversizedRegistry() throws IOException {
        Path p = write("models: {}\n" + "#".repeat((int) RegistryLoader.MAX_BYTES) + "\n");
        assertEquals("/registry.yaml: is larger than 8 MiB",
                assertThrows(RegistryException.class, () -> RegistryLoader.load(p)).getMessage());
    }

    @Test
    void shouldRefuseArbitraryTypes() throws IOException {
        String msg = error("models: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n");
        assertTrue(msg.startsWith("/registry.yaml:1: the tag tag:yaml.org,2002:javax.script.ScriptEngineManager is not "
                + "allowed"), msg);
    }

    @Test
    void shouldFindTheRegistry_optionThenEnvironmentThenWorkingDirectory() throws IOException {
        Path cwd = Files.createDirectories(fs.getPath("/work"));
        Path opt = fs.getPath("/x.yaml");
        assertEquals(opt, RegistryLocator.locate(opt, Map.of("MLOPS_REGISTRY", "env.yaml"), cwd).orElseThrow());
        assertEquals(cwd.resolve("env.yaml"), RegistryLocator.locate(null, Map.of("MLOPS_REGISTRY", "env.yaml"), cwd)
                .orElseThrow());
        assertFalse(RegistryLocator.locate(null, Map.of(), cwd).isPresent());
        Files.writeString(cwd.resolve("registry.yaml"), VALID);
        assertEquals(cwd.resolve("registry.yaml"), RegistryLocator.locate(null, Map.of(), cwd).orElseThrow());
    }
}

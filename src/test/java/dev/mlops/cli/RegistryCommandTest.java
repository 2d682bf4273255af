package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class RegistryCommandTest {
    @Test
    void shouldListVersions() {
        Cli.Result r = Cli.run("registry", "list", "--registry", "examples/registry.yaml");
        assertEquals(0, r.exit(), r.toString());
        String[] lines = r.out().split("\n");
        assertTrue(lines[2].startsWith("support-bot  v11      production  no"), lines[2]);
        assertTrue(r.out().contains("lora r32 α64"), r.out());
        assertTrue(r.out().lines().allMatch(l -> l.length() <= 80), "fits 80 columns:\n" + r.out());
    }

    @Test
    void shouldShowOneVersion_asTableOrJson() throws IOException {
        Cli.Result t = Cli.run("registry", "show", "v12", "--registry", "examples/registry.yaml");
        assertEquals(0, t.exit(), t.toString());
        assertTrue(t.out().contains("sampling.temperature"), t.out());
        Cli.Result j = Cli.run("registry", "show", "v12", "--registry", "examples/registry.yaml", "--format", "json");
        JsonNode n = new ObjectMapper().readTree(j.out());
        assertEquals("mlops.registry/v1", n.get("schema").asText());
        assertEquals(32, n.get("adapter").get("rank").asInt());
        assertEquals(1024, n.get("sampling").get("max_tokens").asInt());
    }

    @Test
    void shouldExplain_anUnknownVersion_andAMissingRegistry() {
        Cli.Result r = Cli.run("registry", "show", "v99", "--registry", "examples/registry.yaml");
        assertEquals(3, r.exit());
        assertTrue(r.err().endsWith("no version 'v99' (versions: v11, v12)\n"), r.err());
        Cli.Result none = Cli.run(Cli.env(java.nio.file.Paths.get("/").toAbsolutePath()), "registry", "list");
        assertEquals(2, none.exit());
        assertEquals("mlops: no registry: give --registry FILE, set MLOPS_REGISTRY, or create ./registry.yaml\n",
                none.err());
    }
}

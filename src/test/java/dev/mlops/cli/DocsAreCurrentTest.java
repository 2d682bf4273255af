package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed man pages and completion must be what the picocli model generates now. */
class DocsAreCurrentTest {
    @Test
    void shouldMatchTheCommittedManPagesAndCompletion() throws IOException {
        Map<String, String> generated = DocGenerator.generate();
        assertTrue(generated.containsKey("man/mlops-analyze.1"));
        for (Map.Entry<String, String> e : generated.entrySet()) {
            Path committed = Paths.get(e.getKey());
            assertTrue(Files.exists(committed), committed + " is missing: run mvn -Pregen-docs process-classes");
            assertEquals(e.getValue(), Files.readString(committed),
                    committed + " is stale: run mvn -Pregen-docs process-classes and commit the result");
        }
        try (var s = Files.list(Paths.get("man"))) {
            assertEquals(generated.keySet().stream().filter(k -> k.startsWith("man/")).count(), s.count(),
                    "man/ holds a page for a command that no longer exists");
        }
    }

    @Test
    void shouldDocumentTheJsonKeysAndExitCodes_inTheAnalyzeManPage() {
        String page = DocGenerator.generate().get("man/mlops-analyze.1");
        assertTrue(page.contains("mlops.analyze/v1"), page);
        assertTrue(page.contains("per_request_usd"), page);
        assertTrue(page.contains(".SH EXIT STATUS"), page);
        assertTrue(page.contains("\\-\\-fail\\-on\\-slo"), page);
    }
}

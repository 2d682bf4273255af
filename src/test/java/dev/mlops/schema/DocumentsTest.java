package dev.mlops.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema is the record: each golden report reads back into its document and writes out byte for byte. */
class DocumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, Class<?>> goldens() {
        return Map.of("analyze-example", AnalyzeDoc.class, "drift", DriftDoc.class, "health", HealthDoc.class,
                "collapse", CollapseDoc.class, "select-coverage", SelectDoc.class, "registry-verify", VerifyDoc.class,
                "registry-diff", DiffDoc.class, "manifest", ManifestDoc.class);
    }

    static Stream<String> names() {
        return goldens().keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("names")
    void goldenReportsRoundTripThroughTheirRecords(String name) throws IOException {
        String text = Files.readString(Path.of("src/test/resources/golden", name + ".json"));
        Object doc = Documents.read(JSON.readTree(text), goldens().get(name));
        assertEquals(text, Documents.write(doc), name);
    }

    @Test
    void leftOutListsReadAsEmptyAndLeftOutMeasuresAsNull() throws IOException {
        DriftDoc d = Documents.read(JSON.readTree("{\"schema\":\"mlops.drift/v1\",\"max_psi\":0.1}"), DriftDoc.class);
        assertTrue(d.groups().isEmpty());
        assertEquals(0.1, d.maxPsi());
        AnalyzeDoc a = Documents.read(JSON.readTree("{\"groups\":[{\"key\":{\"version\":\"v1\"}}]}"), AnalyzeDoc.class);
        assertEquals("v1", a.groups().get(0).key().get("version"));
        assertNull(a.groups().get(0).errorRate());
        assertNull(a.groups().get(0).latencyMs());
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Documents.read(
                JSON.readTree("{\"groups\":[{\"error_rate\":\"low\"}]}"), AnalyzeDoc.class));
    }

    @Test
    void measuresWithoutAValueAreNull() {
        assertNull(Documents.num(Double.NaN));
        assertNull(Documents.num(Double.POSITIVE_INFINITY));
        assertEquals(0.5, Documents.num(0.5));
    }
}

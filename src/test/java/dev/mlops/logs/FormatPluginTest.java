package dev.mlops.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Formats are plug-ins: found through ServiceLoader, detected by their sniff, read with their preset. */
class FormatPluginTest {
    private static Format.Head head(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new Format.Head(b, b.length, LogScan.firstSignificant(b, b.length));
    }

    @Test
    void shouldRegisterAPluginThroughServiceLoader_andPreferTheBestSniff() {
        assertTrue(Formats.names().contains("test-plugin"), Formats.names().toString());
        assertEquals("test-plugin", Formats.detect(head("version,PLUGIN_OUT\nv1,7\n"), null).key());
        assertEquals("csv", Formats.detect(head("version,output_tokens\nv1,7\n"), null).key());
        assertEquals("azure-trace", Formats.detect(head("TIMESTAMP,ContextTokens,GeneratedTokens\n"), null).key());
        assertEquals("llmperf", Formats.detect(head("[{\"end_to_end_latency_s\": 1.5}]"), null).key());
        assertEquals("jsonl", Formats.detect(head("{\"a\":1}\n"), null).key());
        assertEquals("json", Formats.detect(head("[{\"a\":1}]"), null).key());
    }

    @Test
    void shouldReadAPluginFormat_withItsPreset() {
        Logs.Read r = Logs.text("version,PLUGIN_OUT\nv1,7\nv1,9\n");
        assertEquals(2, r.records().size());
        assertEquals(7, r.records().get(0).outputTokens());
        assertEquals("test-plugin", r.file().format());
    }

    @Test
    void shouldRefuseAFormatNamedForTheWrongFraming() {
        assertThrows(InputException.class, () -> Formats.detect(head("{\"a\":1}"), Formats.byName("csv")));
        assertThrows(IllegalArgumentException.class, () -> Formats.byName("nope"));
    }
}

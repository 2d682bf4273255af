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

    /** Regression: openai-batch and anthropic-batch looked at the first 4 KiB only, so a long first answer hid them. */
    @Test
    void aFormatIsRecognisedPastALongFirstRecord() {
        String pad = "x".repeat(6000);
        assertEquals("openai-batch", Formats.detect(head("{\"id\":\"b1\",\"response\":{\"body\":{\"choices\":"
                + "[{\"message\":{\"content\":\"" + pad + "\"}}]},\"status_code\":200},\"custom_id\":\"r1\"}\n"), null).key());
        assertEquals("anthropic-batch", Formats.detect(head("{\"result\":{\"message\":{\"content\":[{\"text\":\""
                + pad + "\"}]},\"type\":\"succeeded\"},\"custom_id\":\"r1\"}\n"), null).key());
        assertEquals("llmperf", Formats.detect(head("[{\"generated_text\":\"" + pad + "\",\"end_to_end_latency_s\":1}]"),
                null).key());
    }

    /** A format named with --input-format that has its own names is checked against the bytes, not only envelopes. */
    @Test
    void aNamedFormatWhoseNamesAreAbsentIsRefused_sayingWhatTheFileLooksLike() {
        InputException e = assertThrows(InputException.class,
                () -> Formats.detect(head("{\"model\":\"m\",\"latency_ms\":5}\n"), Formats.byName("openai-batch")));
        assertEquals("is not openai-batch (it looks like jsonl), but --input-format is openai-batch", e.getMessage());
        assertThrows(InputException.class, () -> Formats.detect(head("a,b\n1,2\n"), Formats.byName("burstgpt")));
        // the basic framings name no fields: any JSONL is jsonl
        assertEquals("jsonl", Formats.detect(head("{\"a\":1}\n"), Formats.byName("jsonl")).key());
    }
}

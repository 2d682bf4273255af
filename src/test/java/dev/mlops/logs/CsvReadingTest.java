package dev.mlops.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReadingTest {
    @Test
    void shouldReadTheAzureTraceLayout_withSevenFractionalDigitsAsUtc() {
        Logs.Read r = Logs.text("TIMESTAMP,ContextTokens,GeneratedTokens\n"
                + "2023-11-16 18:17:03.9799600,4808,10\n2023-11-16 18:17:04.0319600,3180,8\n");
        assertEquals("azure-trace", r.file().format());
        LogRecord a = r.records().get(0);
        assertEquals(Instant.parse("2023-11-16T18:17:03.979960Z"), a.timestamp());
        assertEquals(4808, a.inputTokens());
        assertEquals(10, a.outputTokens());
    }

    @Test
    void shouldReportBadRows_withTheirLineNumbers() {
        Logs.Read r = Logs.text("model,input_tokens,latency_ms,segment\n"
                + "m,10,5.5,\"pro, eu\"\n"
                + "m,abc,5\n"
                + "m,-4,5,x\n"
                + "m,12,,free\n");
        assertEquals(2, r.records().size());
        assertEquals(12, r.records().get(1).inputTokens());
        assertTrue(Double.isNaN(r.records().get(1).latencyMs()), "an empty cell is absent");
        assertEquals("pro, eu", r.records().get(0).segment());
        assertEquals(List.of(new BadLines.Example(3, "has 3 columns, the header has 4"),
                new BadLines.Example(4, "input_tokens is -4, expected a non-negative integer")), r.file().examples());
    }

    @Test
    void shouldRefuseACsvWithNoKnownColumn() {
        InputException e = assertThrows(InputException.class, () -> Logs.text("a,b\n1,2\n"));
        assertEquals("-:1: no column is a known log field (columns: a, b); map one with --map FIELD=COLUMN",
                e.getMessage());
    }

    @Test
    void shouldRefuseJson_whenCsvIsForced() {
        ReadOptions d = ReadOptions.defaults();
        ReadOptions csv = new ReadOptions(d.mapping(), Formats.byName("azure-trace"), d.maxRecordBytes(), 1);
        InputException e = assertThrows(InputException.class, () -> Logs.text("{\"a\":1}", csv));
        assertEquals("-: is JSON, but --input-format is azure-trace", e.getMessage());
    }
}

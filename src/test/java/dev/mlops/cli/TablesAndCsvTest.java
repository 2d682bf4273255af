package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output a new user reads or pipes: tables that fit 80 columns, plain numbers, and real CSV wherever it is offered. */
class TablesAndCsvTest {
    private final Path dir;
    private final ReleaseFixture f;

    TablesAndCsvTest(@TempDir Path dir) throws IOException {
        this.dir = dir;
        this.f = ReleaseFixture.frozen(dir, "v11");
    }

    private static final List<List<String>> REPORTS = List.of(
            List.of("analyze", "logs.jsonl"), List.of("analyze", "logs.jsonl", "--histograms"),
            List.of("drift", "logs.jsonl", "--baseline-until", "2026-11-01T11:00:00Z"), List.of("collapse", "logs.jsonl"),
            List.of("health", "logs.jsonl"), List.of("registry", "list"), List.of("registry", "show", "v12"),
            List.of("registry", "verify"), List.of("registry", "diff", "v11", "v12"), List.of("history"));

    @Test
    void shouldFitEightyColumns_withPlainNumbers() {
        for (List<String> cmd : REPORTS) {
            Cli.Result r = f.run(cmd.toArray(new String[0]));
            assertTrue(r.exit() == 0, cmd + ": " + r);
            for (String line : r.out().lines().toList()) {
                assertTrue(line.codePointCount(0, line.length()) <= 80, cmd + ": a line of " + line.length()
                        + " columns:\n" + line);
                assertFalse(line.matches(".*\\d\\.\\d+[eE][+-]?\\d.*"), cmd + ": a number in exponent form:\n" + line);
            }
        }
    }

    @Test
    void shouldWriteRealCsv_wherCsvIsOffered() throws IOException {
        for (List<String> cmd : List.of(List.of("health", "logs.jsonl"), List.of("collapse", "logs.jsonl"),
                List.of("history"), List.of("registry", "verify"), List.of("registry", "show", "v12"),
                List.of("registry", "diff", "v11", "v12"), List.of("registry", "list"),
                List.of("analyze", "logs.jsonl"), List.of("drift", "logs.jsonl", "--baseline-until", "2026-11-01T11:00:00Z"))) {
            List<String> args = new ArrayList<>(cmd);
            args.addAll(List.of("--format", "csv"));
            Cli.Result r = f.run(args.toArray(new String[0]));
            assertEquals(0, r.exit(), cmd + ": " + r);
            List<Map<String, String>> rows = parse(r.out());
            assertFalse(rows.isEmpty(), cmd + ": no rows:\n" + r.out());
            assertFalse(r.out().contains("---"), cmd + ": a table, not CSV:\n" + r.out());
            assertFalse(r.out().matches("(?s).*\\d\\.\\d+[eE][+-]?\\d.*"), cmd + ": exponent in CSV:\n" + r.out());
        }
    }

    private static List<Map<String, String>> parse(String csv) throws IOException {
        CsvMapper m = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = m.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader().withStrictHeaders(true)).readValues(csv)) {
            return it.readAll();
        }
    }

    @Test
    void shouldShowTheAgainstComparison_inTheTableAndMarkdown() throws IOException {
        StringBuilder sb = new StringBuilder();
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 400; i++) {
            String v = i % 2 == 0 ? "v11" : "v12";
            double clicked = rnd.nextDouble() < (v.equals("v12") ? 0.6 : 0.3) ? 1 : 0;
            double thumbs = rnd.nextDouble() < (v.equals("v12") ? 0.3 : 0.7) ? 1 : -1;
            sb.append(String.format(java.util.Locale.ROOT, "{\"version\":\"%s\",\"output_tokens\":%d,"
                    + "\"feedback\":{\"clicked\":%.0f,\"thumbs\":%.0f}}%n", v, 50 + i % 7, clicked, thumbs));
        }
        Files.writeString(dir.resolve("fb.jsonl"), sb);
        for (String format : List.of("table", "markdown")) {
            Cli.Result r = f.run("collapse", "fb.jsonl", "--against", "v11", "--format", format);
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().contains("v12 against v11"), format + ":\n" + r.out());
            assertTrue(r.out().contains("COMPARISON: the proxy rose while satisfaction fell against v11"),
                    format + ":\n" + r.out());
        }
    }

    @Test
    void shouldCallAConstantProxy_insufficientData_neverOk() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int day = 1; day <= 10; day++) {
            for (int i = 0; i < 150; i++) {
                sb.append(String.format(java.util.Locale.ROOT, "{\"version\":\"v12\",\"timestamp\":\"2026-11-%02dT10:%02d:00Z\","
                        + "\"output_tokens\":40,\"feedback\":{\"clicked\":1,\"thumbs\":%d}}%n", day, i % 60,
                        i % 3 == 0 ? -1 : 1));
            }
        }
        Files.writeString(dir.resolve("const.jsonl"), sb);
        Cli.Result r = f.run("collapse", "const.jsonl", "--window", "1d", "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("\"verdict\" : \"insufficient data\""), r.out());
    }
}

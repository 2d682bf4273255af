package dev.mlops.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
    private static final String LOG = "{\"input_tokens\":1}\n{\"input_tokens\":2}\n";

    @TempDir
    Path dir;

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(bo)) {
            o.write(b);
        }
        return bo.toByteArray();
    }

    private static byte[] zstd(byte[] b) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (OutputStream o = new ZstdOutputStream(bo)) {
            o.write(b);
        }
        return bo.toByteArray();
    }

    @Test
    void shouldTellCompressionFromMagicBytes_notFromTheName() throws IOException {
        byte[] plain = LOG.getBytes(StandardCharsets.UTF_8);
        Path gz = dir.resolve("looks-plain.jsonl");
        Files.write(gz, gzip(plain));
        Path zs = dir.resolve("no-extension");
        Files.write(zs, zstd(plain));
        Logs.Read g = Logs.file(gz, Logs.threads(1));
        Logs.Read z = Logs.file(zs, Logs.threads(1));
        assertEquals(2, g.records().size());
        assertEquals("gzip", g.file().compression());
        assertEquals(2, z.records().size());
        assertEquals("zstd", z.file().compression());
        assertEquals(2, Logs.bytes(gzip(plain), Logs.threads(1)).records().size(), "gzip on stdin");
    }

    @Test
    void shouldRefuseUnsupportedCompression_withOneLine() throws IOException {
        Path bz = Logs.write(dir, "x.bz2", "BZh91AY&SY");
        InputException e = assertThrows(InputException.class, () -> Logs.file(bz, Logs.threads(1)));
        assertEquals(bz + ": is bzip2-compressed; only gzip and zstd are read", e.getMessage());
    }

    @Test
    void shouldReportCorruptCompressedData_asBadInput() throws IOException {
        byte[] g = gzip(LOG.repeat(1000).getBytes(StandardCharsets.UTF_8));
        Path p = dir.resolve("cut.gz");
        Files.write(p, java.util.Arrays.copyOf(g, g.length / 2));
        InputException e = assertThrows(InputException.class, () -> Logs.file(p, Logs.threads(1)));
        assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
    }

    @Test
    void shouldGiveOneLineErrors_forEmptyMissingDirectoryAndBinaryFiles() throws IOException {
        FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
        Path empty = Files.createFile(fs.getPath("/empty.jsonl"));
        Path blank = Files.writeString(fs.getPath("/blank.jsonl"), "\n\n  \n");
        Path folder = Files.createDirectory(fs.getPath("/logs"));
        Path missing = fs.getPath("/nope.jsonl");
        byte[] garbage = new byte[4096];
        new Random(1).nextBytes(garbage);
        garbage[10] = 0;
        Path bin = Files.write(fs.getPath("/model.bin"), garbage);
        assertEquals("/empty.jsonl: is empty", message(empty));
        assertEquals("/blank.jsonl: is empty", message(blank));
        assertEquals("/logs: is a directory, not a log file", message(folder));
        assertEquals("/nope.jsonl: no such file", message(missing));
        assertTrue(message(bin).startsWith("/model.bin: is binary data, not a text log"), message(bin));
    }

    private static String message(Path p) {
        return assertThrows(InputException.class, () -> Logs.file(p, Logs.threads(1))).getMessage();
    }

    /** A 50 MB line is read within a buffer that grows only as far as that line, then shrinks back. */
    @Test
    void shouldReadAHugeLine_underTheLimit() throws IOException {
        String big = "x".repeat(50 << 20);
        Path p = Logs.write(dir, "huge.jsonl", "{\"input_tokens\":1}\n{\"prompt\":\"" + big
                + "\",\"input_tokens\":2}\n{\"input_tokens\":3}\n");
        Logs.Read r = Logs.file(p, Logs.threads(1));
        assertEquals(List.of(1L, 2L, 3L), r.records().stream().map(LogRecord::inputTokens).toList());
        assertEquals(0, r.file().bad());
    }

    @Test
    void shouldRefuseALineOverTheLimit_andGoOn() throws IOException {
        ReadOptions d = ReadOptions.defaults();
        ReadOptions small = new ReadOptions(d.mapping(), d.format(), 1 << 20, 1);
        Path p = Logs.write(dir, "long.jsonl", "{\"input_tokens\":1}\n{\"prompt\":\"" + "y".repeat(5 << 20)
                + "\"}\n{\"input_tokens\":3}\n");
        Logs.Read r = Logs.file(p, small);
        assertEquals(List.of(1L, 3L), r.records().stream().map(LogRecord::inputTokens).toList());
        assertEquals(1, r.file().bad());
        assertEquals(new BadLines.Example(2, "record is longer than 1 MiB (--max-line-bytes); skipped"),
                r.file().examples().get(0));
    }

    /** A large file is cut at line boundaries and read on two threads; records and line numbers agree. */
    @Test
    void shouldReadTheSame_onOneThreadOrSplitAcrossTwo() throws IOException {
        Path p = dir.resolve("big.jsonl");
        long lines = 0;
        try (var w = Files.newBufferedWriter(p)) {
            String pad = "z".repeat(400);
            while (Files.size(p) < 0 || lines < 90_000) {
                w.write(lines % 10_007 == 5 ? "{\"input_tokens\": \"bad\"}\n"
                        : "{\"input_tokens\":" + lines + ",\"prompt\":\"" + pad + "\"}\n");
                lines++;
            }
        }
        assertTrue(Files.size(p) > LogScan.SPLIT_MIN, "file must be large enough to split");
        Logs.Read one = Logs.file(p, Logs.threads(1));
        Logs.Read two = Logs.file(p, Logs.threads(2));
        assertEquals(one.records().size(), two.records().size());
        assertEquals(one.records().stream().mapToLong(LogRecord::inputTokens).sum(),
                two.records().stream().mapToLong(LogRecord::inputTokens).sum());
        assertEquals(one.file().bad(), two.file().bad());
        assertEquals(one.file().examples(), two.file().examples());
        assertEquals(6, two.file().examples().get(0).line());
        assertEquals(10_013, two.file().examples().get(1).line());
    }

    /** Regression: the parts of a large export were read as plain JSONL, without the format's preset. */
    @Test
    void aLargeExportIsSplitWithItsPreset() throws IOException {
        Path p = dir.resolve("batch_output.jsonl");
        long lines = 0;
        String pad = "y".repeat(400);
        try (var w = Files.newBufferedWriter(p)) {
            while (lines < 80_000) {
                w.write("{\"id\":\"b" + lines + "\",\"custom_id\":\"r" + lines + "\",\"response\":{\"status_code\":200,"
                        + "\"body\":{\"model\":\"m\",\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1},\"choices\":"
                        + "[{\"message\":{\"content\":\"" + pad + "\"}}]}},\"error\":null}\n");
                lines++;
            }
        }
        assertTrue(Files.size(p) > LogScan.SPLIT_MIN, "file must be large enough to split");
        Logs.Read two = Logs.file(p, Logs.threads(2));
        assertEquals("openai-batch", two.file().format());
        assertEquals(80_000, two.records().size());
        assertEquals(80_000 * 3L, two.records().stream().mapToLong(LogRecord::inputTokens).sum());
    }
}

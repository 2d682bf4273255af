package dev.mlops.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed JSONL reader of evals and preference pairs: compression, line numbers, bad input as one line. */
class JsonLinesTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadGzip_andGiveEachObjectItsLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write("{\"item\":\"a\"}\n\n{\"item\":\"b\"}\r\n".getBytes(StandardCharsets.UTF_8));
        }
        Path p = Files.write(dir.resolve("evals.jsonl.gz"), b.toByteArray());
        List<String> seen = new ArrayList<>();
        long n = JsonLines.read(p, "evals.jsonl.gz", (o, line) -> seen.add(o.get("item").asText() + "@" + line));
        assertEquals(2, n);
        assertEquals(List.of("a@1", "b@3"), seen);
    }

    @Test
    void shouldNameTheLine_ofMalformedJsonAndOfInvalidUtf8() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"item\":1}\n{oops\n");
        InputException e = assertThrows(InputException.class, () -> JsonLines.read(bad, "bad.jsonl", (o, l) -> { }));
        assertEquals("bad.jsonl:2: malformed JSON", e.getMessage());
        byte[] text = "{\"item\":\"ok\"}\n{\"item\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[text.length + 4];
        System.arraycopy(text, 0, all, 0, text.length);
        all[text.length] = (byte) 0xc3;
        all[text.length + 1] = (byte) 0x28;
        all[text.length + 2] = '"';
        all[text.length + 3] = '}';
        Path utf = Files.write(dir.resolve("utf.jsonl"), all);
        InputException u = assertThrows(InputException.class, () -> JsonLines.read(utf, "utf.jsonl", (o, l) -> { }));
        assertTrue(u.getMessage().startsWith("utf.jsonl:2: is not valid UTF-8"), u.getMessage());
        assertThrows(InputException.class, () -> JsonLines.read(dir, "dir", (o, l) -> { }));
    }
}

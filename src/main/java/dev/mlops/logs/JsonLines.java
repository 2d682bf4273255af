package dev.mlops.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one reader of small typed JSONL files that are not logs: canary evals, preference pairs,
 * votes. It shares the logs' handling of compression (gzip and zstd by their magic bytes),
 * regular files only, a bounded line length, and one-line errors naming the file and the line.
 * Each line is a JSON object handed to the caller with its line number; a file that starts with
 * {@code [} is one JSON array of objects instead (FastChat's battles, AlpacaEval's annotations),
 * streamed element by element, each with the line it starts on.
 */
public final class JsonLines {
    /** The longest line read, in bytes: past it the file is refused. */
    public static final int MAX_LINE_CHARS = 16 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {
    }

    /** What the caller does with each object; it throws {@link InputException} naming the line for a bad one. */
    @FunctionalInterface
    public interface Row {
        void accept(JsonNode object, long line);
    }

    /** Reads {@code file} (named {@code name} in messages), calling {@code row} for each object; returns how many. */
    public static long read(Path file, String name, Row row) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new InputException(name + (Files.exists(file) ? ": is not a regular file" : ": no such file"));
            }
            try (InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                raw.mark(8);
                byte[] magic = raw.readNBytes(6);
                raw.reset();
                InputStream r = new java.io.BufferedInputStream(Compression.detect(magic, magic.length).wrap(raw), 1 << 16);
                if (firstByte(r) == '[') {
                    return array(r, name, row);
                }
                long n = 0;
                long objects = 0;
                String line;
                while ((line = readLine(r, name, n + 1)) != null) {
                    n++;
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode o;
                    try {
                        o = JSON.readTree(line);
                    } catch (IOException e) {
                        throw new InputException(name + ":" + n + ": malformed JSON");
                    }
                    if (o == null || !o.isObject()) {
                        throw new InputException(name + ":" + n + ": expected a JSON object");
                    }
                    row.accept(o, n);
                    objects++;
                }
                return objects;
            }
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": no such file");
        } catch (IOException e) {
            throw new InputException(name + ": " + LogScan.ioMessage(e));
        }
    }

    /** The first byte that is not white space or a byte-order mark, left unread. */
    private static int firstByte(InputStream r) throws IOException {
        r.mark(1 << 16);
        int c;
        int read = 0;
        do {
            c = r.read();
            read++;
        } while (c >= 0 && read < (1 << 16) - 1 && (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF
                || c == 0xBB || c == 0xBF));
        r.reset();
        return c;
    }

    private static long array(InputStream r, String name, Row row) throws IOException {
        long objects = 0;
        try (com.fasterxml.jackson.core.JsonParser p = JSON.getFactory().createParser(r)) {
            p.nextToken();
            com.fasterxml.jackson.core.JsonToken t;
            while ((t = p.nextToken()) != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                long line = p.currentTokenLocation().getLineNr();
                if (t == null) {
                    throw new InputException(name + ":" + line + ": the JSON array is not closed");
                }
                if (t != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    throw new InputException(name + ":" + line + ": expected a JSON object");
                }
                row.accept(p.readValueAsTree(), line);
                objects++;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(name + ":" + line + ": malformed JSON");
        }
        return objects;
    }

    /** One line's bytes, decoded strictly, so that invalid UTF-8 is named with its own line. */
    private static String readLine(InputStream r, String name, long n) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        int c;
        while ((c = r.read()) >= 0 && c != '\n') {
            if (line.size() >= MAX_LINE_CHARS) {
                throw new InputException(name + ":" + n + ": a line longer than " + (MAX_LINE_CHARS >> 20) + " MiB");
            }
            line.write(c);
        }
        if (c < 0 && line.size() == 0) {
            return null;
        }
        byte[] b = line.toByteArray();
        int end = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(b, 0, end)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(name + ":" + n + ": is not valid UTF-8 text");
        }
    }
}

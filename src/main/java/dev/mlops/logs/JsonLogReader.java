package dev.mlops.logs;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads JSON records: one object per line (JSONL), objects separated by white space, or one
 * JSON array of objects. A malformed line is counted and skipped; in an array, a syntax error
 * ends the file, because the next element cannot be found reliably. Memory is one buffer,
 * grown only as far as the longest record and never past {@code maxRecordBytes}.
 */
final class JsonLogReader {
    static final int CHUNK = 1 << 18;

    private final PathNode root;
    private final int maxRecordBytes;

    JsonLogReader(PathNode root, int maxRecordBytes) {
        this.root = root;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** What one read produced besides the records. */
    static final class Outcome {
        final BadLines bad = new BadLines();
        long records;
        long newlines;
    }

    Outcome read(ByteSource src, byte[] head, int headLength, boolean arrayAllowed, Consumer<LogRecord> sink)
            throws IOException {
        RecordBuilder builder = new RecordBuilder();
        JsonScanner sc = new JsonScanner(root, builder);
        Selective selective = sink instanceof Selective ? (Selective) sink : null;
        sc.lazyText = selective != null;
        Outcome outcome = new Outcome();
        Buffer b = new Buffer(src, head, headLength);
        sc.buf = b.buf;
        sc.limit = b.limit;
        boolean array = false;
        boolean first = true;
        boolean expectComma = false;
        while (true) {
            // between records: white space, and in an array the brackets and commas
            if (!skipWs(sc, b)) {
                if (array) {
                    outcome.bad.add(sc.newlines + 1, "malformed JSON: the array is not closed");
                }
                break;
            }
            byte c = sc.buf[sc.pos];
            if (first && c == '[' && arrayAllowed) {
                array = true;
                first = false;
                sc.pos++;
                continue;
            }
            first = false;
            if (array) {
                if (c == ']') {
                    sc.pos++;
                    if (skipWs(sc, b)) {
                        outcome.bad.add(sc.newlines + 1, "malformed JSON: data after the closing ']'");
                    }
                    break;
                }
                if (expectComma) {
                    if (c != ',') {
                        outcome.bad.add(sc.newlines + 1, "malformed JSON: expected ',' between array elements");
                        break;
                    }
                    sc.pos++;
                    expectComma = false;
                    continue;
                }
            }
            if (c != '{') {
                outcome.bad.add(sc.newlines + 1, "expected a JSON object, found " + describe(c));
                if (array || !skipLine(sc, b)) {
                    break;
                }
                continue;
            }
            int start = sc.pos;
            long startLines = sc.newlines;
            try {
                sc.record();
                if (!array) {
                    endOfLine(sc, b);
                }
            } catch (JsonScanner.SyntaxError e) {
                outcome.bad.add(startLines + 1, e.getMessage());
                sc.newlines = startLines;
                sc.pos = start;
                if (array || !skipLine(sc, b)) {
                    break;
                }
                continue;
            } catch (RuntimeException e) {
                if (e != JsonScanner.NEED_MORE) {
                    throw e;
                }
                sc.newlines = startLines;
                if (b.eof) {
                    outcome.bad.add(startLines + 1, "malformed JSON: the file ends inside a record");
                    break;
                }
                if (b.limit - start >= maxRecordBytes) {
                    outcome.bad.add(startLines + 1, tooLong());
                    sc.pos = start;
                    if (array || !skipLine(sc, b)) {
                        break;
                    }
                    continue;
                }
                sc.pos = b.refill(start, maxRecordBytes);
                sc.buf = b.buf;
                sc.limit = b.limit;
                continue;
            }
            expectComma = array;
            String problem = builder.problem();
            if (sc.pos - start > maxRecordBytes) {
                // a record that happened to fit the buffer is held to the same limit
                outcome.bad.add(startLines + 1, tooLong());
            } else if (problem != null) {
                outcome.bad.add(startLines + 1, problem);
            } else {
                outcome.records++;
                LogRecord r = builder.build();
                if (selective == null) {
                    sink.accept(r);
                } else {
                    int end = sc.pos;
                    while (end > start && sc.buf[end - 1] != '}') {
                        end--;
                    }
                    long hash = sc.hash(start, end);
                    if (selective.wants(r, hash)) {
                        selective.acceptWhole(r.withText(sc.text(0), sc.text(1)), hash,
                                new String(sc.buf, start, end - start, java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
        }
        outcome.newlines = sc.newlines;
        return outcome;
    }

    private String tooLong() {
        return "record is longer than " + (maxRecordBytes % (1 << 20) == 0 ? (maxRecordBytes >> 20) + " MiB"
                : String.format(java.util.Locale.ROOT, "%,d bytes", maxRecordBytes)) + " (--max-line-bytes); skipped";
    }

    /** Skips white space, refilling as needed; false at the end of input. */
    private static boolean skipWs(JsonScanner sc, Buffer b) throws IOException {
        while (true) {
            try {
                sc.ws();
                return true;
            } catch (RuntimeException e) {
                if (e != JsonScanner.NEED_MORE) {
                    throw e;
                }
                if (!next(sc, b)) {
                    return false;
                }
            }
        }
    }

    /** Drops what the scanner has consumed and reads on; false when nothing is left. */
    private static boolean next(JsonScanner sc, Buffer b) throws IOException {
        sc.pos = b.refill(sc.limit, Integer.MAX_VALUE);
        sc.buf = b.buf;
        sc.limit = b.limit;
        return sc.pos < sc.limit || !b.eof;
    }

    /** After a JSONL record only spaces may follow on its line. */
    private static void endOfLine(JsonScanner sc, Buffer b) {
        while (true) {
            if (sc.pos >= sc.limit) {
                if (b.eof) {
                    return;
                }
                throw JsonScanner.NEED_MORE;
            }
            byte c = sc.buf[sc.pos];
            if (c == ' ' || c == '\t' || c == '\r') {
                sc.pos++;
            } else if (c == '\n') {
                sc.pos++;
                sc.newlines++;
                return;
            } else {
                throw new JsonScanner.SyntaxError("malformed JSON: data after the record on the same line");
            }
        }
    }

    /** Skips past the next line feed without holding the line in memory; false at the end of input. */
    private static boolean skipLine(JsonScanner sc, Buffer b) throws IOException {
        while (true) {
            for (int i = sc.pos; i < sc.limit; i++) {
                if (sc.buf[i] == '\n') {
                    sc.pos = i + 1;
                    sc.newlines++;
                    return true;
                }
            }
            if (!next(sc, b)) {
                return false;
            }
        }
    }

    private static String describe(byte c) {
        if (c >= 0x21 && c < 0x7f) {
            return "'" + (char) c + "'";
        }
        return String.format(java.util.Locale.ROOT, "byte 0x%02x", c & 0xff);
    }

    /** A growable window over the source. */
    static final class Buffer {
        private final ByteSource src;
        byte[] buf;
        int limit;
        boolean eof;

        Buffer(ByteSource src, byte[] head, int headLength) throws IOException {
            this.src = src;
            this.buf = new byte[Math.max(CHUNK, headLength)];
            System.arraycopy(head, 0, buf, 0, headLength);
            this.limit = headLength;
            if (limit == 0) {
                fill();
            }
        }

        /**
         * Keeps {@code buf[keep, limit)}, moves it to the front, reads more, and returns the
         * new index of {@code keep}. Grows the buffer when the kept part fills it.
         */
        int refill(int keep, int max) throws IOException {
            int kept = limit - keep;
            byte[] target = buf;
            if (kept > buf.length / 2) {
                if (buf.length >= max) {
                    throw new IllegalStateException("record larger than the buffer limit");
                }
                target = new byte[(int) Math.min((long) buf.length * 2, Math.max(max, CHUNK) + (long) CHUNK)];
            } else if (buf.length > CHUNK && kept < CHUNK / 2) {
                target = new byte[CHUNK];
            }
            System.arraycopy(buf, keep, target, 0, kept);
            buf = target;
            limit = kept;
            fill();
            return 0;
        }

        private void fill() throws IOException {
            while (limit < buf.length && !eof) {
                int n = src.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    eof = true;
                } else {
                    limit += n;
                    if (n > 0 && limit >= buf.length / 2) {
                        return;
                    }
                }
            }
        }
    }
}

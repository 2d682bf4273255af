package dev.mlops.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.util.function.Consumer;

/**
 * A whole input, or the byte range [start, end) of a plain JSONL file, and how it is read: its
 * compression, then its format's framing (JSON, CSV, or an envelope whose records are cut out first).
 * A range knows its file's format (sniffed once from the file's head), so that its preset applies.
 */
record Part(LogInput input, Compression compression, long start, long end, boolean stream, Format format) {
    Part(LogInput input, Compression compression, long start, long end) {
        this(input, compression, start, end, input.path() == null, null);
    }

    Part(LogInput input, Compression compression, long start, long end, boolean stream) {
        this(input, compression, start, end, stream, null);
    }

    /** What reading a part produced besides its records. */
    record Done(JsonLogReader.Outcome outcome, String format, long[] present, boolean informative, long skipped,
                String unit) {
        Done(JsonLogReader.Outcome outcome, String format) {
            this(outcome, format, new long[0], true, 0, "line");
        }

        Done with(CheckingSink c) {
            return new Done(outcome, format, c.present, c.informative > 0, skipped, unit);
        }
    }

    Done read(PathNode root, ReadOptions options, Consumer<LogRecord> sink) throws IOException {
        if (start >= 0) {
            Mapping mapping = options.mapping().withPreset(format.preset());
            PathNode node = mapping == options.mapping() ? root : PathNode.build(mapping);
            try (SeekableByteChannel ch = Files.newByteChannel(input.path())) {
                JsonLogReader r = new JsonLogReader(node, options.maxRecordBytes());
                return new Done(r.read(ByteSource.range(ch, start, end), new byte[0], 0, false, sink),
                        format instanceof Formats.Builtin ? "jsonl" : format.reportedName());
            }
        }
        // a FIFO through Files.newInputStream fails on JDK 17 (its available() seeks): use a FileInputStream
        InputStream raw = input.path() == null ? input.stdin() : stream
                ? new java.io.FileInputStream(input.path().toFile()) : Files.newInputStream(input.path());
        try (InputStream in = stream ? detect(raw) : compression.wrap(raw)) {
            return readStream(in, root, options, sink);
        } catch (InputException e) {
            if (e.getMessage().startsWith(input.name() + ":")) {
                throw e;
            }
            throw new InputException(input.name() + ": " + e.getMessage());
        }
    }

    private InputStream detect(InputStream raw) throws IOException {
        java.io.BufferedInputStream b = new java.io.BufferedInputStream(raw, 1 << 16);
        b.mark(8);
        byte[] magic = b.readNBytes(6);
        b.reset();
        String unsupported = Compression.unsupported(magic, magic.length);
        if (unsupported != null) {
            throw new InputException("is " + unsupported + "-compressed; only gzip and zstd are read");
        }
        return Compression.detect(magic, magic.length).wrap(b);
    }

    private Done readStream(InputStream in, PathNode root, ReadOptions options, Consumer<LogRecord> sink)
            throws IOException {
        byte[] head = new byte[LogScan.HEAD];
        int n = in.readNBytes(head, 0, LogScan.HEAD);
        int first = LogScan.firstSignificant(head, n);
        if (first < 0) {
            throw new InputException("is empty");
        }
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                throw new InputException("is binary data, not a text log (NUL byte at offset " + i + ")");
            }
        }
        Format f = Formats.detect(new Format.Head(head, n, first), options.format());
        Mapping mapping = options.mapping().withPreset(f.preset());
        if (mapping != options.mapping()) {
            root = PathNode.build(mapping);
        }
        int bom = bom(head, n);
        switch (f.framing()) {
            case JSON -> {
                JsonLogReader r = new JsonLogReader(root, options.maxRecordBytes());
                byte[] rest = java.util.Arrays.copyOfRange(head, bom, n);
                return new Done(r.read(ByteSource.of(in), rest, rest.length, true, sink), reported(f, head, first));
            }
            case CSV -> {
                InputStream all = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head, bom, n - bom), in);
                CsvLogReader csv = new CsvLogReader(mapping);
                return new Done(csv.read(all, input.name(), sink), f.reportedName());
            }
            case ENVELOPE -> {
                InputStream all = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head, bom, n - bom), in);
                try (RecordSource source = f.records(all)) {
                    source.limit(options.maxRecordBytes());
                    source.text(mapping.rules().stream()
                            .anyMatch(r -> r.field() == Field.PROMPT || r.field() == Field.RESPONSE));
                    JsonLogReader.Outcome o = sink instanceof Selective
                            ? new JsonLogReader(root, options.maxRecordBytes()).read(
                                    ByteSource.of(new EnvelopeStream(source)), new byte[0], 0, false, sink)
                            : walk(source, root, sink);
                    o.bad.addAll(source.bad(), 0);
                    long skipped = source.items() - o.records - o.bad.count();
                    if (o.records == 0 && o.bad.count() == 0 && skipped > 0) {
                        throw new InputException(source.nothingUsable());
                    }
                    return new Done(o, f.reportedName(), new long[0], true, skipped, source.noun());
                }
            }
            default -> throw new IllegalStateException(f.framing().name());
        }
    }

    /** An envelope's records mapped from their parsed form, for a sink that needs no raw bytes. */
    private static JsonLogReader.Outcome walk(RecordSource source, PathNode root, Consumer<LogRecord> sink)
            throws IOException {
        RecordBuilder builder = new RecordBuilder();
        TreeWalker walker = new TreeWalker(root, builder);
        JsonLogReader.Outcome o = new JsonLogReader.Outcome();
        long item = 0;
        for (var r = source.nextTree(); r != null; r = source.nextTree()) {
            item++;
            if (r == RecordSource.SKIPPED_TREE) {
                continue;
            }
            walker.record(r);
            String problem = builder.problem();
            if (problem != null) {
                o.bad.add(item, problem);
            } else {
                o.records++;
                sink.accept(builder.build());
            }
        }
        o.newlines = item;
        return o;
    }

    /** The JSON framing's name in the report tells JSONL from an array, whatever was asked. */
    private static String reported(Format f, byte[] head, int first) {
        if (f instanceof Formats.Builtin && (f == Formats.Builtin.JSONL || f == Formats.Builtin.JSON)) {
            return head[first] == '[' ? "json-array" : "jsonl";
        }
        return f.reportedName();
    }

    private static int bom(byte[] b, int n) {
        return n >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf ? 3 : 0;
    }
}

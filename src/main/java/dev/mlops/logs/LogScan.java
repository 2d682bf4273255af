package dev.mlops.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads every input once and feeds its records to sinks made by the caller: one sink per
 * file, or per part of a large uncompressed JSONL file, so that parts can run on several
 * threads. The caller merges the sinks, which come back in input order.
 */
public final class LogScan {
    static final int HEAD = 64 << 10;
    static final long SPLIT_MIN = 32L << 20;
    static final long PART_SIZE = 32L << 20;
    static final int MAX_PARTS = 4096;

    private LogScan() {
    }

    /** Every record's sink merged into one, and what was read from each input. */
    public record Result<S>(S sink, List<FileReport> files, List<ReadChecks.Named> absent) {
        public long records() {
            return files.stream().mapToLong(FileReport::records).sum();
        }

        public long bad() {
            return files.stream().mapToLong(FileReport::bad).sum();
        }
    }

    /**
     * Reads every input into sinks made by {@code sinks}, one per part, and folds them into one
     * with {@code merge} in part order as parts finish: the result does not depend on the
     * thread count or on timing, and finished parts do not pile up in memory.
     */
    public static <S extends Consumer<LogRecord>> Result<S> run(List<LogInput> inputs, ReadOptions options,
                                                                 Supplier<S> sinks, BiConsumer<S, S> merge) {
        PathNode root = PathNode.build(options.mapping());
        boolean byFile = options.mapping().rules().stream()
                .anyMatch(r -> r.field() == Field.ATTRIBUTE && "file".equals(r.name()));
        List<List<Part>> plan = new ArrayList<>();
        for (LogInput in : inputs) {
            plan.add(plan(in, options.format()));
        }
        List<Part> parts = new ArrayList<>();
        plan.forEach(parts::addAll);
        OrderedMerge<S> folded = new OrderedMerge<>(parts.size(), merge);
        long total = 0;
        for (Part p : parts) {
            total += bytes(p);
        }
        Progress progress = options.progress();
        progress.start(total);
        java.util.Set<String> groups = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Future<Part.Done>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), Math.max(1, parts.size())),
                r -> {
                    Thread t = new Thread(r, "mlops-reader");
                    t.setDaemon(true);
                    return t;
                });
        try {
            for (int i = 0; i < parts.size(); i++) {
                Part p = parts.get(i);
                int index = i;
                futures.add(pool.submit(() -> {
                    S sink = sinks.get();
                    CheckingSink checking = new CheckingSink(sink, options.checks(), groups);
                    Consumer<LogRecord> in = Join.around(options.join(), CheckingSink.around(checking));
                    if (byFile) {
                        in = Sinks.taggedWithFile(p.input().name(), in);
                    }
                    Part.Done d = p.read(root, options, in).with(checking);
                    folded.done(index, sink);
                    progress.advance(bytes(p));
                    return d;
                }));
            }
            List<FileReport> files = new ArrayList<>();
            long[] present = new long[options.checks().named().size()];
            int k = 0;
            for (List<Part> fileParts : plan) {
                BadLines bad = new BadLines();
                long records = 0;
                long lineOffset = 0;
                String format = null;
                boolean informative = false;
                long skipped = 0;
                String unit = "line";
                for (Part p : fileParts) {
                    Part.Done d = get(futures.get(k++), p.input().name());
                    informative |= d.informative();
                    for (int i = 0; i < present.length; i++) {
                        present[i] += d.present()[i];
                    }
                    bad.addAll(d.outcome().bad, lineOffset);
                    lineOffset += d.outcome().newlines;
                    records += d.outcome().records;
                    format = format == null ? d.format() : format;
                    skipped += d.skipped();
                    unit = d.unit();
                }
                Part first = fileParts.get(0);
                files.add(new FileReport(first.input().name(), format, first.compression().key(), records, bad.count(),
                        bad.examples(), informative || records == 0, skipped, unit));
            }
            List<ReadChecks.Named> absent = new ArrayList<>();
            for (int i = 0; i < present.length; i++) {
                if (present[i] == 0) {
                    absent.add(options.checks().named().get(i));
                }
            }
            return new Result<>(folded.total(), files, absent);
        } finally {
            progress.done();
            pool.shutdownNow();
        }
    }

    /** Folds part results into a running total strictly in part order. */
    private static final class OrderedMerge<S> {
        private final Object[] waiting;
        private final BiConsumer<S, S> merge;
        private int next;
        private S total;

        OrderedMerge(int parts, BiConsumer<S, S> merge) {
            this.waiting = new Object[parts];
            this.merge = merge;
        }

        @SuppressWarnings("unchecked")
        synchronized void done(int index, S sink) {
            waiting[index] = sink;
            while (next < waiting.length && waiting[next] != null) {
                S s = (S) waiting[next];
                waiting[next++] = null;
                if (total == null) {
                    total = s;
                } else {
                    merge.accept(total, s);
                }
            }
        }

        synchronized S total() {
            return total;
        }
    }

    /**
     * Roughly how many records the inputs hold, from their sizes and the line length in the
     * first MiB of each; -1 when it cannot be told before reading (standard input, compression).
     */
    public static long estimateRecords(List<LogInput> inputs) {
        long total = 0;
        for (LogInput in : inputs) {
            if (in.path() == null || !Files.isRegularFile(in.path())) {
                return -1;
            }
            try (InputStream s = Files.newInputStream(in.path())) {
                byte[] head = s.readNBytes(1 << 20);
                if (Compression.detect(head, head.length) != Compression.NONE) {
                    return -1;
                }
                long lines = 1;
                for (byte b : head) {
                    if (b == '\n') {
                        lines++;
                    }
                }
                total += Files.size(in.path()) * lines / Math.max(1, head.length);
            } catch (IOException e) {
                return -1;
            }
        }
        return total;
    }

    private static Part.Done get(Future<Part.Done> f, String name) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(name + ": interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof InputException) {
                throw (InputException) c;
            }
            if (c instanceof IOException) {
                throw new InputException(name + ": " + ioMessage((IOException) c), c);
            }
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            throw new IllegalStateException(c);
        }
    }

    static String ioMessage(IOException e) {
        if (e instanceof java.util.zip.ZipException || e.getClass().getName().contains("zstd")) {
            return "corrupt compressed data (" + e.getMessage() + ")";
        }
        if (e instanceof java.io.EOFException) {
            return "the compressed data ends early";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The bytes of a part of a file (the whole file's when it is not cut); 0 for a stream. */
    private static long bytes(Part p) {
        if (p.stream() || p.input().path() == null) {
            return 0;
        }
        if (p.start() >= 0) {
            return p.end() - p.start();
        }
        try {
            return Files.size(p.input().path());
        } catch (IOException e) {
            return 0;
        }
    }

    /** Checks the input and cuts a large plain JSONL file into parts at line boundaries. */
    private static List<Part> plan(LogInput in, Format format) {
        if (in.path() == null) {
            return List.of(new Part(in, Compression.NONE, -1, -1));
        }
        Path path = in.path();
        String name = in.name();
        long size;
        try {
            if (Files.isDirectory(path)) {
                throw new InputException(name + ": is a directory, not a log file");
            }
            if (!Files.isRegularFile(path) && Files.exists(path)) {
                // a FIFO or a process substitution (<(zcat x.gz)): read once, as a stream
                return List.of(new Part(in, Compression.NONE, -1, -1, true));
            }
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(name + ": permission denied");
        } catch (IOException e) {
            throw new InputException(name + ": " + ioMessage(e), e);
        }
        if (size == 0) {
            throw new InputException(name + ": is empty");
        }
        byte[] head = new byte[HEAD];
        int n;
        try (InputStream s = Files.newInputStream(path)) {
            n = s.readNBytes(head, 0, HEAD);
        } catch (AccessDeniedException e) {
            throw new InputException(name + ": permission denied");
        } catch (IOException e) {
            throw new InputException(name + ": " + ioMessage(e), e);
        }
        Compression c = Compression.detect(head, n);
        String unsupported = Compression.unsupported(head, n);
        if (unsupported != null) {
            throw new InputException(name + ": is " + unsupported + "-compressed; only gzip and zstd are read");
        }
        int first = firstSignificant(head, n);
        // Parts are cut by size alone, never by thread count, so that results do not depend on it.
        Format lines = first < 0 ? null : format != null ? format : Formats.sniff(new Format.Head(head, n, first));
        boolean splittable = c == Compression.NONE && size >= SPLIT_MIN && first >= 0 && head[first] == '{'
                && jsonLines(lines);
        if (!splittable) {
            return List.of(new Part(in, c, -1, -1));
        }
        int count = (int) Math.min(MAX_PARTS, (size + PART_SIZE - 1) / PART_SIZE);
        List<Part> parts = new ArrayList<>();
        try (SeekableByteChannel ch = Files.newByteChannel(path)) {
            long start = 0;
            for (int i = 1; i <= count && start < size; i++) {
                long end = i == count ? size : lineAfter(ch, size * i / count, size);
                if (end > start) {
                    parts.add(new Part(in, c, start, end, false, lines));
                    start = end;
                }
            }
        } catch (IOException e) {
            throw new InputException(name + ": " + ioMessage(e), e);
        }
        return parts;
    }

    /** Whether a format's records are lines that a part boundary may fall between. */
    private static boolean jsonLines(Format f) {
        return f != null && f.framing() == Format.Framing.JSON;
    }

    /** The position just after the first line feed at or after {@code from - 1}. */
    private static long lineAfter(SeekableByteChannel ch, long from, long size) throws IOException {
        long pos = Math.max(0, from - 1);
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(1 << 16);
        while (pos < size) {
            bb.clear();
            ch.position(pos);
            int n = ch.read(bb);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (bb.get(i) == '\n') {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
        return size;
    }

    static int firstSignificant(byte[] b, int n) {
        int i = 0;
        if (n >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            i = 3;
        }
        for (; i < n; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return i;
            }
        }
        return -1;
    }
}

package dev.mlops.logs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/** Test helpers: read text or bytes as a log and collect what comes out. */
final class Logs {
    private Logs() {
    }

    record Read(List<LogRecord> records, FileReport file) {
        LogRecord only() {
            if (records.size() != 1) {
                throw new AssertionError("expected one record, got " + records.size() + ": " + file);
            }
            return records.get(0);
        }
    }

    static final class Collect implements Consumer<LogRecord> {
        final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void accept(LogRecord r) {
            records.add(r);
        }

        void merge(Collect later) {
            records.addAll(later.records);
        }
    }

    static Read text(String content) {
        return bytes(content.getBytes(StandardCharsets.UTF_8), ReadOptions.defaults());
    }

    static Read text(String content, ReadOptions o) {
        return bytes(content.getBytes(StandardCharsets.UTF_8), o);
    }

    static Read bytes(byte[] content, ReadOptions o) {
        LogScan.Result<Collect> r = LogScan.run(List.of(new LogInput("-", null, new ByteArrayInputStream(content))),
                o, Collect::new, Collect::merge);
        return new Read(r.sink().records, r.files().get(0));
    }

    static Read file(Path p, ReadOptions o) {
        LogScan.Result<Collect> r = LogScan.run(List.of(LogInput.file(p)), o, Collect::new, Collect::merge);
        return new Read(r.sink().records, r.files().get(0));
    }

    static Path write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    static ReadOptions threads(int n) {
        ReadOptions d = ReadOptions.defaults();
        return new ReadOptions(d.mapping(), d.format(), d.maxRecordBytes(), n);
    }
}

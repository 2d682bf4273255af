package dev.mlops.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An envelope format's records are mapped from their parsed form (TreeWalker) for a sink that needs no
 * raw bytes, and from their bytes (JsonLogReader) for a selective one: both give the same records.
 */
class EnvelopePathsTest {
    /** A selective sink that wants every record whole. */
    static final class All implements Selective {
        final List<LogRecord> records = new ArrayList<>();

        @Override
        public boolean wants(LogRecord withoutText, long contentHash) {
            return true;
        }

        @Override
        public void acceptWhole(LogRecord record, long contentHash, String raw) {
            records.add(record);
        }

        void merge(All later) {
            records.addAll(later.records);
        }
    }

    @Test
    void treeAndBytesGiveTheSameRecords() {
        for (String f : List.of("otlp/collector-file-exporter.jsonl", "langfuse/observations-blob-export.jsonl")) {
            Path p = Path.of("src/test/resources/formats", f);
            ReadOptions o = ReadOptions.defaults();
            LogScan.Result<Logs.Collect> tree = LogScan.run(List.of(LogInput.file(p)), o, Logs.Collect::new,
                    Logs.Collect::merge);
            LogScan.Result<All> bytes = LogScan.run(List.of(LogInput.file(p)), o, All::new, All::merge);
            assertEquals(bytes.sink().records.size(), tree.sink().records.size(), f);
            for (int i = 0; i < bytes.sink().records.size(); i++) {
                // the selective path decodes text lazily; compare everything else
                assertEquals(bytes.sink().records.get(i).withText(null, null),
                        tree.sink().records.get(i).withText(null, null), f + " record " + i);
            }
            assertEquals(bytes.files().get(0), tree.files().get(0), f);
        }
    }
}

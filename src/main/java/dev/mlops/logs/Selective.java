package dev.mlops.logs;

import java.util.function.Consumer;

/**
 * A sink that decides, record by record, whether it needs the record's text: readers then decode
 * the prompt and response, and copy the raw record, only for the records it wants. Every record
 * comes with a 64-bit hash of its raw bytes, which does not depend on where it sits in the input.
 */
public interface Selective extends Consumer<LogRecord> {
    /** Sees every record, without its prompt and response; true to receive it whole. */
    boolean wants(LogRecord withoutText, long contentHash);

    /** The record with its text, and its raw source (a JSON object, or the CSV row as one). */
    void acceptWhole(LogRecord record, long contentHash, String raw);

    @Override
    default void accept(LogRecord r) {
        throw new UnsupportedOperationException("a selective sink takes records through wants and acceptWhole");
    }
}

package dev.mlops.logs;

import java.util.List;

/**
 * An input format, as a plug-in: its name (for {@code --input-format}), how its records are
 * framed, how sure it is that a file's first bytes are its own, and the field names it adds
 * ahead of the defaults. Built-in formats are listed in {@link Formats}; others register
 * through {@link java.util.ServiceLoader} under {@code META-INF/services/dev.mlops.logs.Format}.
 */
public interface Format {
    /** The name {@code --input-format} takes. */
    String key();

    /** The name a file report gives the format it read. */
    default String reportedName() {
        return key();
    }

    Framing framing();

    /**
     * How sure this format is that {@code head} is its own: 0 not at all, 1 the generic format of
     * its framing, 2 and more a format recognised by its own names. The highest score wins.
     */
    int sniff(Head head);

    /** Rules read ahead of the default mapping (a preset); the defaults still apply after them. */
    default List<Rule> preset() {
        return List.of();
    }

    /** How records are cut out of a file. */
    enum Framing {
        /** JSON Lines, or one JSON array of records, told apart by the first byte. */
        JSON,
        /** CSV with a header row. */
        CSV,
        /**
         * Documents that hold records (OTLP's {@code resourceSpans}, a Langfuse trace export's
         * {@code observations}): the format's {@link #records} cuts them out as flat JSON records.
         */
        ENVELOPE
    }

    /** For the envelope framing: the records of one input, read as it streams. */
    default RecordSource records(java.io.InputStream in) throws java.io.IOException {
        throw new UnsupportedOperationException(key() + " is not an envelope format");
    }

    /**
     * The first bytes of an input (up to 64 KiB), for sniffing.
     *
     * @param bytes  the bytes
     * @param length how many were read
     * @param first  the index of the first byte that is not a byte-order mark or white space
     */
    record Head(byte[] bytes, int length, int first) {
        public boolean json() {
            return first >= 0 && (bytes[first] == '{' || bytes[first] == '[');
        }

        public boolean array() {
            return first >= 0 && bytes[first] == '[';
        }

        /** The first 4 KiB as text. */
        public String text() {
            return new String(bytes, 0, Math.min(length, 4096), java.nio.charset.StandardCharsets.UTF_8);
        }

        /** The whole head (up to 64 KiB) as text: for names that may come after a large first object. */
        public String all() {
            return new String(bytes, 0, length, java.nio.charset.StandardCharsets.UTF_8);
        }

        public String firstLine() {
            return text().lines().findFirst().orElse("");
        }
    }
}

package dev.mlops.logs;

/**
 * What a run tells about how far it has read: the bytes of all its parts at the start, then each
 * part's bytes as it finishes. Called from the reader threads; implementations are thread-safe.
 */
public interface Progress {
    /** Reading starts; {@code totalBytes} is 0 when unknown (standard input). */
    void start(long totalBytes);

    /** A part of {@code bytes} was read. */
    void advance(long bytes);

    /** Reading is over. */
    void done();

    /** No progress shown. */
    Progress NONE = new Progress() {
        @Override
        public void start(long totalBytes) {
        }

        @Override
        public void advance(long bytes) {
        }

        @Override
        public void done() {
        }
    };
}

package dev.mlops.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/** Where a reader's bytes come from: a stream, or a range of a seekable file. */
interface ByteSource {
    /** Like {@link InputStream#read(byte[], int, int)}: -1 at the end. */
    int read(byte[] b, int off, int len) throws IOException;

    static ByteSource of(InputStream in) {
        return in::read;
    }

    /** The bytes of {@code channel} from {@code start} (inclusive) to {@code end} (exclusive). */
    static ByteSource range(SeekableByteChannel channel, long start, long end) throws IOException {
        channel.position(start);
        return new ByteSource() {
            private long left = end - start;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                ByteBuffer bb = ByteBuffer.wrap(b, off, (int) Math.min(len, left));
                int n = channel.read(bb);
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }
}

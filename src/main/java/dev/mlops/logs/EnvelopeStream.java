package dev.mlops.logs;

import java.io.IOException;
import java.io.InputStream;

/**
 * A {@link RecordSource} as JSON Lines, so that the JSON reader maps its records like any other:
 * line N is item N, and a skipped item is an empty line, so that a bad record is named by its item.
 */
final class EnvelopeStream extends InputStream {
    private final RecordSource source;
    private byte[] current = new byte[0];
    private int pos;
    private boolean newline;
    private boolean done;

    EnvelopeStream(RecordSource source) {
        this.source = source;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = 0;
        while (n < len) {
            if (pos < current.length) {
                int k = Math.min(len - n, current.length - pos);
                System.arraycopy(current, pos, b, off + n, k);
                pos += k;
                n += k;
            } else if (newline) {
                b[off + n++] = '\n';
                newline = false;
            } else {
                if (done || n > 0 && n >= len / 2) {
                    break;
                }
                byte[] next = source.next();
                if (next == null) {
                    done = true;
                    break;
                }
                current = next;
                pos = 0;
                newline = true;
            }
        }
        return n == 0 && done ? -1 : n;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}

package dev.mlops.logs;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Compression told from the first bytes of a file, never from its name. */
public enum Compression {
    NONE, GZIP, ZSTD;

    public static Compression detect(byte[] head, int n) {
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (n >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f
                && (head[3] & 0xff) == 0xfd) {
            return ZSTD;
        }
        return NONE;
    }

    /** Names a compression that is recognised but not supported, or null. */
    static String unsupported(byte[] head, int n) {
        if (n >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
            return "bzip2";
        }
        if (n >= 6 && (head[0] & 0xff) == 0xfd && head[1] == '7' && head[2] == 'z' && head[3] == 'X') {
            return "xz";
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return "zip";
        }
        return null;
    }

    InputStream wrap(InputStream in) throws IOException {
        switch (this) {
            case GZIP: return new GZIPInputStream(in, 1 << 16);
            case ZSTD: return new Checked(new ZstdInputStream(in));
            default: return in;
        }
    }

    /** The zstd decoder reports corrupt data and bad checksums as unchecked exceptions: make them I/O errors. */
    private static final class Checked extends java.io.FilterInputStream {
        Checked(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (RuntimeException e) {
                throw corrupt(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (RuntimeException e) {
                throw corrupt(e);
            }
        }

        private static IOException corrupt(RuntimeException e) {
            java.util.zip.ZipException z = new java.util.zip.ZipException("zstd: " + e.getMessage());
            z.initCause(e);
            return z;
        }
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

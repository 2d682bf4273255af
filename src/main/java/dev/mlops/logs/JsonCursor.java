package dev.mlops.logs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The byte level of JSON under {@link JsonScanner}: a window {@code buf[pos, limit)} and its primitives
 * (white space, strings found eight bytes at a time, numbers, skipping a value, decoding escapes,
 * hashing). Any step that runs past {@code limit} throws {@link #NEED_MORE}, so that the reader can
 * refill and retry the record.
 */
abstract class JsonCursor {
    /** Thrown when the record continues past the end of the buffer. */
    static final RuntimeException NEED_MORE = new RuntimeException("need more input", null, false, false) {
    };

    /** A JSON syntax error inside a record. */
    static final class SyntaxError extends RuntimeException {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long SLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    byte[] buf;
    int pos;
    int limit;
    /** Line feeds consumed so far. */
    long newlines;

    /** A 64-bit hash of the bytes [from, to). */
    final long hash(int from, int to) {
        // four independent lanes, so the multiplications overlap
        long a = 0x9E3779B97F4A7C15L;
        long b = 0xC2B2AE3D27D4EB4FL;
        long c = 0x165667B19E3779F9L;
        long d = 0x27D4EB2F165667C5L;
        int i = from;
        for (; i + 32 <= to; i += 32) {
            a = Long.rotateLeft(a ^ (long) LONGS.get(buf, i) * 0xBF58476D1CE4E5B9L, 31) * 0x94D049BB133111EBL;
            b = Long.rotateLeft(b ^ (long) LONGS.get(buf, i + 8) * 0xBF58476D1CE4E5B9L, 31) * 0x94D049BB133111EBL;
            c = Long.rotateLeft(c ^ (long) LONGS.get(buf, i + 16) * 0xBF58476D1CE4E5B9L, 31) * 0x94D049BB133111EBL;
            d = Long.rotateLeft(d ^ (long) LONGS.get(buf, i + 24) * 0xBF58476D1CE4E5B9L, 31) * 0x94D049BB133111EBL;
        }
        long h = Long.rotateLeft(a, 1) + Long.rotateLeft(b, 7) + Long.rotateLeft(c, 12) + Long.rotateLeft(d, 18) + (to - from);
        for (; i < to; i++) {
            h = (h ^ buf[i]) * 0x94D049BB133111EBL;
        }
        h ^= h >>> 32;
        h *= 0xD6E8FEB86659FD93L;
        return h ^ (h >>> 29);
    }

    final byte at(int i) {
        if (i >= limit) {
            throw NEED_MORE;
        }
        return buf[i];
    }

    /** Skips spaces, tabs, carriage returns and line feeds, counting the line feeds. */
    final void ws() {
        while (true) {
            byte c = at(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\n') {
                newlines++;
                pos++;
            } else {
                return;
            }
        }
    }

    final void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (at(pos + i) != word.charAt(i)) {
                throw syntax("invalid literal");
            }
        }
        pos += word.length();
    }

    final double number() {
        int start = pos;
        boolean neg = false;
        if (at(pos) == '-') {
            neg = true;
            pos++;
        }
        long mant = 0;
        int digits = 0;
        int exp10 = 0;
        int seen = 0;
        byte c = at(pos);
        while (c >= '0' && c <= '9') {
            if (digits < 18) {
                mant = mant * 10 + (c - '0');
                digits++;
            } else {
                exp10++;
            }
            seen++;
            c = at(++pos);
        }
        if (seen == 0) {
            throw syntax("invalid value");
        }
        boolean simple = true;
        if (c == '.') {
            c = at(++pos);
            int frac = 0;
            while (c >= '0' && c <= '9') {
                if (digits < 18) {
                    mant = mant * 10 + (c - '0');
                    digits++;
                    exp10--;
                }
                frac++;
                c = at(++pos);
            }
            if (frac == 0) {
                throw syntax("invalid number");
            }
        }
        if (c == 'e' || c == 'E') {
            simple = false;
            c = at(++pos);
            if (c == '+' || c == '-') {
                c = at(++pos);
            }
            int ed = 0;
            while (c >= '0' && c <= '9') {
                ed++;
                c = at(++pos);
            }
            if (ed == 0) {
                throw syntax("invalid number");
            }
        }
        if (simple && digits <= 15 && exp10 >= -22 && exp10 <= 22) {
            double v = exp10 >= 0 ? mant * POW10[exp10] : mant / POW10[-exp10];
            return neg ? -v : v;
        }
        return Double.parseDouble(new String(buf, start, pos - start, StandardCharsets.ISO_8859_1));
    }

    /**
     * Moves past the string at {@code pos} and returns the index of its closing quote, negated
     * when the string holds escapes (so that it must be decoded, not copied).
     */
    final int stringEnd() {
        int i = pos + 1;
        boolean escaped = false;
        while (true) {
            i = findSpecial(i);
            byte c = buf[i];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                escaped = true;
                at(i + 1);
                i += 2;
                continue;
            }
            throw syntax("unterminated string");
        }
        pos = i + 1;
        return escaped ? -i : i;
    }

    final void skipString() {
        int i = pos + 1;
        while (true) {
            i = findSpecial(i);
            byte c = buf[i];
            if (c == '"') {
                pos = i + 1;
                return;
            }
            if (c == '\\') {
                at(i + 1);
                i += 2;
                continue;
            }
            throw syntax("unterminated string");
        }
    }

    /** Index of the first '"', '\\' or '\n' at or after {@code i}. */
    final int findSpecial(int i) {
        byte[] b = buf;
        int end = limit - 16;
        while (i <= end) {
            long t = special((long) LONGS.get(b, i));
            long u = special((long) LONGS.get(b, i + 8));
            if ((t | u) != 0) {
                return t != 0 ? i + (Long.numberOfTrailingZeros(t) >>> 3) : i + 8 + (Long.numberOfTrailingZeros(u) >>> 3);
            }
            i += 16;
        }
        while (true) {
            byte c = at(i);
            if (c == '"' || c == '\\' || c == '\n') {
                return i;
            }
            i++;
        }
    }

    /** High bit set in each byte of {@code w} that is '"', '\\' or '\n' (exact for the lowest such byte). */
    private static long special(long w) {
        long q = w ^ QUOTES;
        long s = w ^ SLASHES;
        long n = w ^ NEWLINES;
        return ((q - ONES) & ~q | (s - ONES) & ~s | (n - ONES) & ~n) & HIGHS;
    }

    /** Skips a number that no rule wants, checking its characters but not converting it. */
    final void skipNumber() {
        int start = pos;
        byte c = at(pos);
        while (c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
            c = at(++pos);
        }
        if (pos == start) {
            throw syntax("invalid value");
        }
    }

    final void skipValue() {
        byte c = at(pos);
        if (c == '"') {
            skipString();
        } else if (c == '{' || c == '[') {
            int depth = 0;
            while (true) {
                c = at(pos);
                if (c == '"') {
                    skipString();
                    continue;
                }
                pos++;
                if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    if (--depth == 0) {
                        return;
                    }
                } else if (c == '\n') {
                    newlines++;
                }
            }
        } else if (c == 't') {
            literal("true");
        } else if (c == 'f') {
            literal("false");
        } else if (c == 'n') {
            literal("null");
        } else if (c == '-' || c >= '0' && c <= '9') {
            skipNumber();
        } else {
            throw syntax("invalid value");
        }
    }

    /** Decodes JSON escapes between {@code from} and {@code to}. */
    final String decode(int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        int run = from;
        int i = from;
        while (i < to) {
            if (buf[i] != '\\') {
                i++;
                continue;
            }
            sb.append(new String(buf, run, i - run, StandardCharsets.UTF_8));
            byte e = buf[i + 1];
            i += 2;
            switch (e) {
                case '"': sb.append('"'); break;
                case '\\': sb.append('\\'); break;
                case '/': sb.append('/'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'u':
                    if (i + 4 > to) {
                        throw syntax("invalid \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(new String(buf, i, 4, StandardCharsets.ISO_8859_1), 16));
                    } catch (NumberFormatException x) {
                        throw syntax("invalid \\u escape");
                    }
                    i += 4;
                    break;
                default:
                    throw syntax("invalid escape");
            }
            run = i;
        }
        sb.append(new String(buf, run, to - run, StandardCharsets.UTF_8));
        return sb.toString();
    }

    static SyntaxError syntax(String message) {
        return new SyntaxError("malformed JSON: " + message);
    }
}

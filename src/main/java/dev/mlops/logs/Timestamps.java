package dev.mlops.logs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses the timestamps found in logs: ISO-8601 with or without a zone (no zone means UTC),
 * with a space or a T between date and time and up to 9 fractional digits (the Azure trace has
 * 7), and epoch numbers in seconds, milliseconds, microseconds or nanoseconds.
 */
public final class Timestamps {
    private Timestamps() {
    }

    /** Returns null when the text is not a timestamp. */
    public static Instant parse(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Instant fast = fast(b, 0, b.length);
        if (fast != null) {
            return fast;
        }
        String t = s.trim();
        if (t.isEmpty()) {
            return null;
        }
        char c0 = t.charAt(0);
        if (c0 == '-' || c0 == '+' || Character.isDigit(c0) && t.indexOf('-', 1) < 0) {
            try {
                return epoch(Double.parseDouble(t));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        String iso = t.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** Epoch seconds, ms, µs or ns, told apart by magnitude (valid for dates after 1973). */
    /** 9999-12-31T23:59:59Z: an epoch number past it is not a time. */
    static final double MAX_EPOCH_SECONDS = 253_402_300_799d;

    public static Instant epoch(double v) {
        if (!Double.isFinite(v)) {
            return null;
        }
        double a = Math.abs(v);
        double seconds = a < 1e11 ? v : a < 1e14 ? v / 1e3 : a < 1e17 ? v / 1e6 : v / 1e9;
        if (Math.abs(seconds) > MAX_EPOCH_SECONDS) {
            return null;
        }
        long whole = (long) Math.floor(seconds);
        // a double holds an epoch in seconds to about 0.2 µs: finer digits are noise (1736935200.4 is .4 s)
        long nanos = Math.round((seconds - whole) * 1e6) * 1000;
        if (nanos >= 1_000_000_000L) {
            whole++;
            nanos -= 1_000_000_000L;
        }
        return Instant.ofEpochSecond(whole, nanos);
    }

    /**
     * yyyy-MM-dd[T ]HH:mm:ss[.f{1,9}][Z|±HH:MM] read straight from ASCII bytes, without allocation
     * beyond the Instant; null for any other form.
     */
    static Instant fast(byte[] b, int from, int len) {
        Bytes s = new Bytes(b, from);
        int n = len;
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        char sep = s.charAt(10);
        if (sep != 'T' && sep != ' ') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int min = digits(s, 14, 2);
        int sec = digits(s, 17, 2);
        if ((year | month | day | hour | min | sec) < 0 || month < 1 || month > 12 || day < 1
                || day > 31 || hour > 23 || min > 59 || sec > 60) {
            return null;
        }
        int i = 19;
        long nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            int start = i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (i - start < 9) {
                    nanos = nanos * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            int fraction = i - start;
            if (fraction == 0) {
                return null;
            }
            for (int k = fraction; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offset = 0;
        if (i < n) {
            char z = s.charAt(i);
            if ((z == 'Z' || z == 'z') && i == n - 1) {
                offset = 0;
            } else if ((z == '+' || z == '-') && n - i == 6 && s.charAt(i + 3) == ':') {
                int oh = digits(s, i + 1, 2);
                int om = digits(s, i + 4, 2);
                if (oh < 0 || om < 0) {
                    return null;
                }
                offset = (z == '+' ? 1 : -1) * (oh * 3600 + om * 60);
            } else {
                return null;
            }
        }
        long days = daysFromCivil(year, month, day);
        long epochSecond = days * 86400 + hour * 3600L + min * 60L + sec - offset;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** A view of ASCII bytes as chars. */
    private record Bytes(byte[] b, int from) {
        char charAt(int i) {
            return (char) (b[from + i] & 0xff);
        }
    }

    private static int digits(Bytes s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Howard Hinnant's days_from_civil. */
    static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}

package dev.mlops.report;

import java.util.Locale;

/** Number formatting for people: the same on every machine ({@link Locale#ROOT}). */
public final class Fmt {
    private Fmt() {
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A measure with sensible precision: 12,345 / 123.4 / 1.234 / 0.01234. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1 || a == 0) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return significant(v, 3);
    }

    /** {@code v} to {@code digits} significant digits, written out in full: 0.000264, never 2.64E-4. */
    public static String significant(double v, int digits) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "-" : v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) < 1e-12) {
            return v > 0 ? "< 1e-12" : "> -1e-12";
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).toPlainString();
    }

    /** A number for machines: shortest exact decimal, no exponent, no thousands separator. */
    public static String plain(double v) {
        return Double.isFinite(v) ? dev.mlops.text.Numbers.plain(v) : "";
    }

    public static String percent(double rate) {
        return Double.isNaN(rate) ? "-" : String.format(Locale.ROOT, "%.2f%%", rate * 100);
    }

    public static String usd(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v != 0 && Math.abs(v) < 0.01) {
            return String.format(Locale.ROOT, "$%.6f", v);
        }
        return String.format(Locale.ROOT, "$%,.2f", v);
    }

    /** Bucket edges: three significant digits, no exponent for everyday sizes. */
    public static String edge(double v) {
        if (v < 1e-3) {
            return significant(v, 3);
        }
        if (v >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (v >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}

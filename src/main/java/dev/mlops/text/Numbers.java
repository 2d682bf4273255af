package dev.mlops.text;

/** Small helpers to print numbers the same way on every machine. */
public final class Numbers {
    private Numbers() {
    }

    /** 3 → "3", 2.5 → "2.5": integral values without a trailing ".0". */
    public static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        // the shortest decimal that reads back as v, written out: 0.000137949, never 1.37949E-4
        return new java.math.BigDecimal(Double.toString(v)).toPlainString();
    }
}

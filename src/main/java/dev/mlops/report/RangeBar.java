package dev.mlops.report;

/**
 * A value and its interval on a scale [from, to], as a small terminal bar: {@code [--o-]}, with
 * {@code |} at zero when it is asked for and falls on the scale. A lift's bar is the scale ±max
 * with zero marked; a rating's is the ratings' range.
 */
final class RangeBar {
    private RangeBar() {
    }

    static String draw(double low, double value, double high, double from, double to, int width, boolean zero) {
        if (!Double.isFinite(value) || !(to > from)) {
            return "";
        }
        char[] bar = new char[width];
        java.util.Arrays.fill(bar, ' ');
        boolean interval = Double.isFinite(low) && Double.isFinite(high);
        if (interval) {
            for (int i = at(low, from, to, width); i <= at(high, from, to, width); i++) {
                bar[i] = '-';
            }
        }
        if (zero && from <= 0 && 0 <= to) {
            bar[at(0, from, to, width)] = '|';
        }
        if (interval) {
            bar[at(low, from, to, width)] = '[';
            bar[at(high, from, to, width)] = ']';
        }
        bar[at(value, from, to, width)] = 'o';
        return new String(bar).stripTrailing();
    }

    /** A lift and its interval on ±scale, zero marked, 9 cells. */
    static String lift(double low, double value, double high, double scale) {
        return Double.isFinite(low) && Double.isFinite(high) && scale > 0
                ? draw(low, value, high, -scale, scale, 9, true) : "";
    }

    private static int at(double v, double from, double to, int width) {
        long i = Math.round((v - from) / (to - from) * (width - 1));
        return (int) Math.max(0, Math.min(width - 1, i));
    }
}

package dev.mlops.report;

/** A value and its interval on a shared scale [from, to], as a small terminal bar: {@code  [--o-]}. */
final class RangeBar {
    static final int WIDTH = 12;

    private RangeBar() {
    }

    static String draw(double low, double value, double high, double from, double to) {
        if (!Double.isFinite(value) || !(to > from)) {
            return "";
        }
        char[] bar = new char[WIDTH];
        java.util.Arrays.fill(bar, ' ');
        if (Double.isFinite(low) && Double.isFinite(high)) {
            int lo = at(low, from, to);
            int hi = at(high, from, to);
            for (int i = lo; i <= hi; i++) {
                bar[i] = '-';
            }
            bar[lo] = '[';
            bar[hi] = ']';
        }
        bar[at(value, from, to)] = 'o';
        return new String(bar).stripTrailing();
    }

    private static int at(double v, double from, double to) {
        long i = Math.round((v - from) / (to - from) * (WIDTH - 1));
        return (int) Math.max(0, Math.min(WIDTH - 1, i));
    }
}

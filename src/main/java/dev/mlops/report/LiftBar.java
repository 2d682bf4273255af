package dev.mlops.report;

/**
 * A lift and its interval as a small terminal bar: {@code ---[--o-]|---} on a scale of ±scale,
 * with | at zero, [ ] at the interval's ends and o at the estimate.
 */
final class LiftBar {
    static final int WIDTH = 9;

    private LiftBar() {
    }

    static String draw(double low, double estimate, double high, double scale) {
        if (!Double.isFinite(low) || !Double.isFinite(high) || !Double.isFinite(estimate) || scale <= 0) {
            return "";
        }
        char[] bar = new char[WIDTH];
        java.util.Arrays.fill(bar, ' ');
        int lo = at(low, scale);
        int hi = at(high, scale);
        for (int i = lo; i <= hi; i++) {
            bar[i] = '-';
        }
        bar[at(0, scale)] = '|';
        bar[lo] = '[';
        bar[hi] = ']';
        bar[at(estimate, scale)] = 'o';
        return new String(bar).stripTrailing();
    }

    private static int at(double v, double scale) {
        int mid = WIDTH / 2;
        long i = Math.round(mid + v / scale * mid);
        return (int) Math.max(0, Math.min(WIDTH - 1, i));
    }
}

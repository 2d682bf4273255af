package dev.mlops.report;

import dev.mlops.stats.Histogram;
import java.util.Locale;
import java.util.TreeMap;

/** Draws a {@link Histogram} as horizontal bars, one row per log-scaled bucket. */
public final class HistogramChart {
    static final int MAX_ROWS = 16;
    static final int WIDTH = 40;
    private static final int[] GROUPS = {1, 2, 4, 5, 10, 20, 40, 60, 100};

    private HistogramChart() {
    }

    public static String draw(String title, Histogram h) {
        long total = h.total();
        StringBuilder sb = new StringBuilder(title).append(" (n=").append(Fmt.count(total))
                .append(", log-scaled buckets)\n");
        if (total == 0) {
            return sb.append("  no data\n").toString();
        }
        TreeMap<Integer, Long> rows = new TreeMap<>();
        int g = 1;
        if (!h.buckets().isEmpty()) {
            int lo = h.buckets().get(0).index();
            int hi = h.buckets().get(h.buckets().size() - 1).index();
            for (int candidate : GROUPS) {
                g = candidate;
                if (Math.floorDiv(hi, g) - Math.floorDiv(lo, g) + 1 <= MAX_ROWS) {
                    break;
                }
            }
            for (int k = Math.floorDiv(lo, g); k <= Math.floorDiv(hi, g); k++) {
                rows.put(k, 0L);
            }
            final int size = g;
            h.buckets().forEach(b -> rows.merge(Math.floorDiv(b.index(), size), b.count(), Long::sum));
        }
        long peak = h.zeros();
        for (long c : rows.values()) {
            peak = Math.max(peak, c);
        }
        String[][] labels = new String[rows.size() + 1][];
        int i = 0;
        if (h.zeros() > 0) {
            labels[i++] = new String[] {"0", ""};
        }
        for (int k : rows.keySet()) {
            labels[i++] = new String[] {Fmt.edge(Math.pow(10, (double) k * g / Histogram.PER_DECADE)),
                    Fmt.edge(Math.pow(10, (double) (k + 1) * g / Histogram.PER_DECADE))};
        }
        int lw = 0;
        int rw = 0;
        for (int j = 0; j < i; j++) {
            lw = Math.max(lw, labels[j][0].length());
            rw = Math.max(rw, labels[j][1].length());
        }
        int j = 0;
        if (h.zeros() > 0) {
            bar(sb, labels[j++], lw, rw, h.zeros(), peak, total);
        }
        for (long c : rows.values()) {
            bar(sb, labels[j++], lw, rw, c, peak, total);
        }
        return sb.toString();
    }

    private static void bar(StringBuilder sb, String[] label, int lw, int rw, long c, long peak, long total) {
        String range = label[1].isEmpty()
                ? " ".repeat(lw - label[0].length()) + label[0] + " ".repeat(rw + 3)
                : " ".repeat(lw - label[0].length()) + label[0] + " - " + label[1] + " ".repeat(rw - label[1].length());
        Layout layout = Layout.current();
        // "  " range " │" bar " " count(9) " " share(7): 22 columns beside the range and the bar
        int room = layout.fit() ? Math.max(8, Math.min(WIDTH, layout.width() - range.length() - 22)) : WIDTH;
        int eighths = (int) Math.round((double) c / peak * room * 8);
        StringBuilder b = new StringBuilder("█".repeat(eighths / 8));
        if (eighths % 8 != 0) {
            b.append("▏▎▍▌▋▊▉".charAt(eighths % 8 - 1));
        }
        if (c > 0 && b.length() == 0) {
            b.append('▏');
        }
        sb.append("  ").append(range).append(" │").append(b).append(" ".repeat(room + 1 - b.length()))
                .append(String.format(Locale.ROOT, "%9s %6.1f%%", Fmt.count(c), 100.0 * c / total)).append('\n');
    }
}

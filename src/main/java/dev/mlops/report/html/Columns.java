package dev.mlops.report.html;

import dev.mlops.report.Fmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Columns side by side per category: two samples' shares in the same bins (baseline and current).
 * Each column carries {@code data-series}, {@code data-label} and {@code data-value}.
 */
final class Columns {
    private static final int HEIGHT = 220;
    private static final int LEFT = 48;
    private static final int BOTTOM = 56;

    private final String label;
    private final List<String> categories;
    private final List<String> names = new ArrayList<>();
    private final List<List<Double>> values = new ArrayList<>();

    Columns(String label, List<String> categories) {
        this.label = label;
        this.categories = List.copyOf(categories);
    }

    Columns series(String name, List<Double> shares) {
        names.add(name);
        values.add(List.copyOf(shares));
        return this;
    }

    String svg() {
        double max = 0;
        for (List<Double> vs : values) {
            for (double v : vs) {
                max = Math.max(max, Double.isFinite(v) ? v : 0);
            }
        }
        Scale y = Scale.linear(0, max > 0 ? max * 1.1 : 1, HEIGHT - BOTTOM, 12);
        int n = Math.max(1, categories.size());
        double slot = (XyChart.WIDTH - LEFT - 10.0) / n;
        double width = Math.max(2, (slot - 6) / Math.max(1, names.size()));
        Svg svg = new Svg(XyChart.WIDTH, HEIGHT, label);
        for (double t : y.ticks()) {
            svg.line(LEFT, y.map(t), XyChart.WIDTH - 10, y.map(t), "grid").text(LEFT - 6, y.map(t) + 4, "end", "",
                    Fmt.percent(t).replace(".00%", "%"));
        }
        for (int c = 0; c < categories.size(); c++) {
            double x0 = LEFT + c * slot + 3;
            for (int s = 0; s < names.size(); s++) {
                double v = values.get(s).get(c);
                svg.rect(x0 + s * width, y.map(v), width - 1, y.map(0) - y.map(v), "f" + s,
                        names.get(s) + ", " + categories.get(c) + ": " + Fmt.percent(v),
                        Svg.data("series", names.get(s)) + " " + Svg.data("label", categories.get(c)) + " "
                                + Svg.data("value", Fmt.plain(v)));
            }
            double cx = LEFT + c * slot + slot / 2;
            svg.raw("<text x=\"" + Svg.n(cx) + "\" y=\"" + (HEIGHT - BOTTOM + 12) + "\" text-anchor=\"end\" transform=\"rotate(-30 "
                    + Svg.n(cx) + " " + (HEIGHT - BOTTOM + 12) + ")\">" + Page.esc(Bars.shorten(categories.get(c))) + "</text>");
        }
        svg.line(LEFT, y.map(0), XyChart.WIDTH - 10, y.map(0), "axis");
        double at = XyChart.WIDTH - 10;
        for (int s = names.size() - 1; s >= 0; s--) {
            at -= 22 + 6.5 * names.get(s).length();
            svg.rect(at, 0, 10, 10, "f" + s, names.get(s), "").text(at + 13, 9, "start", "", names.get(s));
        }
        return svg.end();
    }

    /** Counts as shares of their total (NaN shares, none, when the total is 0). */
    static List<Double> shares(List<Long> counts) {
        double total = counts.stream().mapToLong(Long::longValue).sum();
        return counts.stream().map(c -> total == 0 ? 0.0 : c / total).toList();
    }
}

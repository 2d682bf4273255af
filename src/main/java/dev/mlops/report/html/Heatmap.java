package dev.mlops.report.html;

import dev.mlops.report.Fmt;
import java.util.List;

/**
 * A square matrix of shares in [0, 1] (a win matrix: row beat column), shaded from blue (0) through
 * white (0.5) to red (1). Each cell carries {@code data-row}, {@code data-col} and {@code data-value}.
 */
final class Heatmap {
    private static final int LEFT = 150;

    private Heatmap() {
    }

    static String svg(String label, List<String> names, double[][] share) {
        int n = names.size();
        int longest = names.stream().mapToInt(x -> Bars.shorten(x).length()).max().orElse(1);
        int top = 16 + (int) Math.round(4.6 * longest);
        int cell = Math.max(14, Math.min(48, (XyChart.WIDTH - LEFT - 10) / Math.max(n, 1)));
        Svg svg = new Svg(LEFT + cell * n + 10, top + cell * n + 10, label, true);
        for (int j = 0; j < n; j++) {
            double cx = LEFT + j * cell + cell / 2.0;
            svg.raw("<text x=\"" + Svg.n(cx) + "\" y=\"" + (top - 6) + "\" text-anchor=\"start\" transform=\"rotate(-45 "
                    + Svg.n(cx) + " " + (top - 6) + ")\">" + Page.esc(Bars.shorten(names.get(j))) + "</text>");
        }
        for (int i = 0; i < n; i++) {
            svg.text(LEFT - 6, top + i * cell + cell / 2.0 + 4, "end", "", Bars.shorten(names.get(i)));
            for (int j = 0; j < n; j++) {
                double v = share[i][j];
                String fill = Double.isNaN(v) ? "var(--panel)" : colour(v);
                svg.raw("<rect x=\"" + (LEFT + j * cell) + "\" y=\"" + (top + i * cell) + "\" width=\"" + cell
                        + "\" height=\"" + cell + "\" style=\"fill:" + fill + "\" " + Svg.data("row", names.get(i)) + " "
                        + Svg.data("col", names.get(j)) + " " + Svg.data("value", Fmt.plain(v)) + "><title>"
                        + Page.esc(names.get(i) + " over " + names.get(j) + ": " + (Double.isNaN(v) ? "no votes"
                                : Fmt.percent(v))) + "</title></rect>");
                if (!Double.isNaN(v) && cell >= 30) {
                    svg.text(LEFT + j * cell + cell / 2.0, top + i * cell + cell / 2.0 + 4, "middle", "cell-text",
                            String.valueOf(Math.round(v * 100)));
                }
            }
        }
        return svg.end();
    }

    /** Blue through white to red, as an rgb() colour. */
    static String colour(double v) {
        double t = Math.max(0, Math.min(1, v));
        int r;
        int g;
        int b;
        if (t < 0.5) {
            double u = t / 0.5;
            r = (int) Math.round(47 + (255 - 47) * u);
            g = (int) Math.round(111 + (255 - 111) * u);
            b = (int) Math.round(223 + (255 - 223) * u);
        } else {
            double u = (t - 0.5) / 0.5;
            r = (int) Math.round(255 - (255 - 207) * u);
            g = (int) Math.round(255 - (255 - 34) * u);
            b = (int) Math.round(255 - (255 - 46) * u);
        }
        return "rgb(" + r + "," + g + "," + b + ")";
    }
}
